import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Migrating an up-to-date database changes nothing, whether in the same process or after a
/// restart.
@Suite struct MigrationTests {
    @Test(arguments: Backend.allCases) func migratingAgainIsHarmless(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.migrate()
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.readyToEscalate(try await fixture.raise())
            let before = try await StoreFootprint.of(database)

            try await database.migrate()
            try await database.migrate()
            #expect(try await StoreFootprint.of(database) == before)

            // A second server starting against the same database migrates too.
            let restarted = try await ConcordDatabase.open(database.url)
            do {
                try await restarted.migrate()
                #expect(try await StoreFootprint.of(restarted) == before)
                let report = try await ChainAudit.run(restarted, expectedHead: before.headHash)
                #expect(report.isIntact)
                let next = try await DisputeStore(restarted).perform(
                    fixture.escalateCommand, on: dispute.id, expectedVersion: dispute.state.version,
                    by: fixture.manager, at: .london("2026-12-22"))
                #expect(next.state.currentStage.stage == "head-of-service")
                await restarted.shutdown()
            } catch {
                await restarted.shutdown()
                throw error
            }
            #expect(try await ChainAudit.run(database).count == before.eventCount + 2)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM event_chain_head") == 1)
            #expect(try await Directory(database).partnerships().map(\.slug) == ["oldham"])
        }
    }

    @Test(arguments: Backend.allCases) func aFreshDatabaseStartsWithAnEmptyChain(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let head = try await RawSQL.rows(database, "SELECT id, last_sequence, last_hash FROM event_chain_head")
            #expect(head.count == 1)
            #expect(try head.first?.decode(column: "id", as: Int.self) == 1)
            #expect(try head.first?.decode(column: "last_sequence", as: Int64.self) == 0)
            #expect(try head.first?.decode(column: "last_hash", as: String.self) == EventChain.genesis)
            for table in ["partnerships", "agencies", "people", "policy_versions", "dispute_events", "disputes"] {
                #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM \(table)") == 0, "\(table)")
            }
        }
    }
}
