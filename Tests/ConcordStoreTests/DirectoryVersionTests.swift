import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Each server keeps a copy of the directory and rereads it only when the directory's version
/// has moved, so every kind of edit, made on one server, must reach the other's next read.
@Suite struct DirectoryVersionTests {
    /// One way of changing the directory, and what of it a reader can see.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var prepare: @Sendable (Directory, Fixture) async throws -> Void = { _, _ in }
        var apply: @Sendable (Directory, Fixture) async throws -> Void
        var observe: @Sendable (Directory, DirectorySnapshot, Fixture) async throws -> String

        var testDescription: String { name }
    }

    static func id(_ person: PersonRef) -> UUID { UUID(uuidString: person.id)! }
    static let christmasEve = LocalDate(iso: "2026-12-24")!

    static func current(_ d: Directory, _ s: DirectorySnapshot, _ f: Fixture) async throws -> String {
        try await d.currentPolicies(partnership: f.partnership, in: s).map(\.version).joined(separator: ",")
    }

    static func secondVersion(_ d: Directory, _ f: Fixture) async throws {
        let text = try #require(PolicyLibrary.text(of: "oldham")) + "\n# A second version.\n"
        try await d.installPolicy(
            text, file: "oldham.yaml", partnership: f.partnership, at: Date().addingTimeInterval(60))
    }

    static let edits: [Edit] = [
        Edit(
            name: "add a partnership",
            apply: { d, _ in try await d.addPartnership(slug: "leeds", name: "Leeds", region: .englandAndWales) },
            observe: { _, s, _ in s.partnerships.map(\.slug).joined(separator: ",") }),
        Edit(
            name: "add an agency",
            apply: { d, f in
                _ = try await d.addAgency(name: "Area Police", type: .police, partnerships: [f.partnership])
            },
            observe: { _, s, _ in s.agencies.map { "\($0.name) \($0.partnerships)" }.joined(separator: ",") }),
        Edit(
            name: "add a person",
            apply: { d, f in
                try await d.addPerson(
                    name: "Nia New", email: "nia@health.example", agency: f.health, level: .practitioner,
                    lineManager: f.otherManager)
            },
            observe: { _, s, _ in s.people.map(\.name).joined(separator: ",") }),
        Edit(
            name: "change a line manager",
            apply: { d, f in try await d.setLineManager(person: id(f.practitioner), manager: id(f.otherManager)) },
            observe: { _, s, f in "\(String(describing: s.person(id: id(f.practitioner))?.lineManagerID))" }),
        Edit(
            name: "mark a designated lead",
            apply: { d, f in try await d.setDesignatedLead(person: id(f.iro), true) },
            observe: { _, s, f in "\(String(describing: s.person(id: id(f.iro))?.designatedLead))" }),
        Edit(
            name: "record a capacity",
            apply: { d, f in try await d.setCapacity(.independentReviewingOfficer, person: id(f.iro), holds: true) },
            observe: { _, s, f in "\(s.person(id: id(f.iro))?.capacities.map(\.rawValue).sorted() ?? [])" }),
        Edit(
            name: "close a day",
            apply: { d, f in try await d.setClosureDay(christmasEve, partnership: f.partnership, closed: true) },
            observe: { _, s, f in "\(s.partnership(id: f.partnership)?.closureDays.map(\.iso) ?? [])" }),
        Edit(
            name: "open a closed day",
            prepare: { d, f in try await d.setClosureDay(christmasEve, partnership: f.partnership, closed: true) },
            apply: { d, f in try await d.setClosureDay(christmasEve, partnership: f.partnership, closed: false) },
            observe: { _, s, f in "\(s.partnership(id: f.partnership)?.closureDays.map(\.iso) ?? [])" }),
        Edit(name: "install a policy version", apply: secondVersion, observe: current),
        Edit(
            name: "make an earlier version current again", prepare: secondVersion,
            apply: { d, f in
                let first = try #require(try await d.policyVersions(partnership: f.partnership).last)
                let account = try await Accounts(f.database).create(
                    email: "admin@accounts.example", name: "Ada Admin", role: .administrator, passwordHash: "h")
                try await d.reinstatePolicy(
                    sha256: first.sha256, partnership: f.partnership, by: account, at: Date().addingTimeInterval(120))
            },
            observe: current),
    ]

    @Test(arguments: Backend.allCases, edits)
    func anEditOnOneServerIsSeenByTheOthersNextRead(_ backend: Backend, _ edit: Edit) async throws {
        try await TestDatabase.withTwoServers(backend) { first, second in
            let fixture = try await Fixture.make(first)
            try await edit.prepare(Directory(first), fixture)
            let reader = Directory(second)
            let before = try await reader.snapshot()
            #expect(try await reader.snapshot().version == before.version)
            try await edit.apply(Directory(first), fixture)
            let after = try await reader.snapshot()
            #expect(after.version > before.version)
            let seen = try await edit.observe(reader, after, fixture)
            #expect(seen != (try await edit.observe(reader, before, fixture)))
            let writer = Directory(first)
            #expect(seen == (try await edit.observe(writer, try await writer.snapshot(), fixture)))
        }
    }

    @Test(arguments: Backend.allCases)
    func aSnapshotHoldsTheDirectoryAndKeepsItsVersionUntilAnEdit(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let directory = Directory(database)
            let first = try await directory.snapshot()
            #expect(first.people.count == 6)
            #expect(first.partnership(id: fixture.partnership)?.slug == "oldham")
            #expect(try await directory.snapshot().version == first.version)
        }
    }
}
