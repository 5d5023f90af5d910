import ConcordCore
import ConcordStore
import Foundation
import Testing

/// An earlier policy version made current again by an administrator: new disputes follow it
/// from then, who did it is recorded, and no version is changed.
@Suite struct PolicyReinstatementTests {
    @Test(arguments: Backend.allCases) func anEarlierVersionMadeCurrentAgainIsFollowedUntilANewerOneIsInstalled(
        _ backend: Backend
    ) async throws {
        try await TestDatabase.with(backend) { database in
            let directory = Directory(database)
            let policy = try #require(PolicyLibrary.builtIn("oldham"))
            let partnership = try await directory.addPartnership(
                slug: "oldham", name: policy.partnership, region: policy.region)
            let text = try #require(PolicyLibrary.text(of: "oldham"))
            let good = try await directory.installPolicy(
                text, file: "oldham.yaml", partnership: partnership, at: .london("2026-11-02"))
            let wrong = try await directory.installPolicy(
                text + "\n# A mistake.\n", file: "oldham.yaml", partnership: partnership, at: .london("2026-11-03"))
            let today = LocalDate(iso: "2026-11-05")
            #expect(try await directory.currentPolicy(partnership: partnership, on: today)?.version == wrong)

            let admin = try await Accounts(database).create(
                email: "ann@x.example", name: "Ann Admin", role: .administrator, passwordHash: "h")
            try await directory.reinstatePolicy(
                sha256: good, partnership: partnership, by: admin, at: .london("2026-11-04"))
            #expect(try await directory.currentPolicy(partnership: partnership, on: today)?.version == good)
            let versions = try await directory.policyVersions(partnership: partnership)
            #expect(versions.map(\.sha256) == [wrong, good], "listed by installation, unchanged")
            #expect(versions[1].reinstatedAt == .london("2026-11-04"))
            #expect(versions[1].reinstatedBy == "Ann Admin")
            #expect(versions[1].installedAt == .london("2026-11-02"))
            #expect(versions[0].reinstatedAt == nil)

            let fixed = try await directory.installPolicy(
                text + "\n# Fixed.\n", file: "oldham.yaml", partnership: partnership, at: .london("2026-11-06"))
            #expect(
                try await directory.currentPolicy(partnership: partnership, on: LocalDate(iso: "2026-11-06"))?.version
                    == fixed)

            await #expect(throws: StoreError.notFound("policy version nope")) {
                try await directory.reinstatePolicy(sha256: "nope", partnership: partnership, by: admin, at: .now)
            }
        }
    }
}
