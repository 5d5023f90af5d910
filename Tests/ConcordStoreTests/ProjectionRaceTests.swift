import ConcordCore
import ConcordStore
import Foundation
import Testing

/// A rebuild running while someone performs a command must not leave a row that disagrees
/// with the events.
@Suite struct ProjectionRaceTests {
    @Test(arguments: Backend.allCases) func aStepTakenDuringARebuildIsNotLostFromTheList(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.raise()
            if backend == .postgres {
                // Hold the rebuild between throwing the rows away and writing them again.
                try await TestDatabase.sql(
                    database,
                    "CREATE FUNCTION concord_slow() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$ LANGUAGE plpgsql"
                )
                try await TestDatabase.sql(
                    database,
                    "CREATE TRIGGER concord_slow BEFORE INSERT ON disputes FOR EACH STATEMENT EXECUTE FUNCTION concord_slow()"
                )
            }
            async let rebuilt = ProjectionRebuilder.rebuild(database)
            if backend == .postgres { try await Self.waitForSleepingRebuild(database) }
            let performed = try await fixture.perform(fixture.discussionCommand, on: dispute)
            _ = try await rebuilt
            if backend == .postgres { try await TestDatabase.sql(database, "DROP TRIGGER concord_slow ON disputes") }

            let row = try #require(try await DisputeQueries.find(database, reference: dispute.state.reference))
            #expect(row.version == performed.state.version)
            let afterRace = try await DisputeQueries.snapshot(database)
            _ = try await ProjectionRebuilder.rebuild(database)
            #expect(try await DisputeQueries.snapshot(database) == afterRace)
        }
    }

    /// An audit while disputes are being written must not report tampering: the events it reads
    /// and the chain head it compares them with must be one consistent view.
    @Test(arguments: Backend.allCases) func anAuditDuringWritesFindsNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            for _ in 0..<40 { _ = try await fixture.raise() }
            let findings = try await withThrowingTaskGroup(of: [ChainVerifier.Finding].self) { group in
                group.addTask {
                    for _ in 0..<30 { _ = try await fixture.raise() }
                    return []
                }
                for _ in 0..<3 {
                    group.addTask {
                        var found: [ChainVerifier.Finding] = []
                        for _ in 0..<15 { found += try await ChainAudit.run(database).findings }
                        return found
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(findings == [])
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    /// Waits until a PostgreSQL session of this database is inside `pg_sleep`.
    static func waitForSleepingRebuild(_ database: ConcordDatabase) async throws {
        for _ in 0..<200 {
            let sleeping = try await RawSQL.int(
                database,
                "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()"
            )
            if sleeping > 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the rebuild never reached its pause")
    }
}
