import ConcordCore
import ConcordStore
import Foundation
import Testing

@Suite struct AppendOnlyGuardTests {
    @Test(arguments: Backend.allCases) func writtenEventsCannotBeChangedOrRemoved(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            _ = try await DisputeStore(database).raise(
                fixture.raiseCommand(), partnership: fixture.partnership, at: .london("2026-12-21"))
            for statement in [
                "UPDATE dispute_events SET payload = '{}' WHERE sequence = 1",
                "DELETE FROM dispute_events WHERE sequence = 2",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await TestDatabase.guardedSQL(database, statement)
                }
            }
            if backend == .postgres {
                await #expect(throws: (any Error).self) {
                    try await TestDatabase.guardedSQL(database, "TRUNCATE dispute_events")
                }
            }
            let report = try await ChainAudit.run(database)
            #expect(report.isIntact)
            #expect(report.count == 2)
        }
    }
}
