import ConcordCore
import ConcordStore
import Foundation
import Testing

/// A command's events, the projection update and the chain head commit together or not at all.
@Suite struct AtomicWriteTests {
    @Test(arguments: Backend.allCases) func refusedCommandsWriteNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.raise(lookedAfter: true)
            let before = try await StoreFootprint.of(database)
            await expectStoreError(.refused(.recordsMissing(stage: "team-manager", missing: [.outcome]))) {
                try await fixture.escalate(dispute)
            }
            #expect(try await StoreFootprint.of(database) == before)

            let recorded = try await fixture.recordOutcome(dispute)
            let afterRecords = try await StoreFootprint.of(database)
            await expectStoreError(.refused(.meetingRequired("Resolution meeting", stage: "team-manager"))) {
                try await fixture.escalate(recorded)
            }
            await expectStoreError(.refused(.stillOpen)) {
                try await fixture.perform(.close(reviewHeld: nil, note: nil), on: recorded)
            }
            await expectStoreError(.refused(.alreadyParticipating(fixture.manager.name))) {
                try await fixture.perform(.addParticipant(fixture.manager, capacity: nil), on: recorded)
            }
            await expectStoreError(.refused(.agreementRequired)) {
                try await fixture.perform(
                    .resolve(outcome: "Agreed", agreedBy: [fixture.manager], followUp: nil), on: recorded)
            }
            #expect(try await StoreFootprint.of(database) == afterRecords)
            #expect(try await fixture.store.load(dispute.id).state == recorded.state)

            let withReviewer = try await fixture.perform(
                .addParticipant(fixture.iro, capacity: .independentReviewingOfficer), on: recorded)
            let afterReviewer = try await StoreFootprint.of(database)
            await expectStoreError(.refused(.meetingRequired("Resolution meeting", stage: "team-manager"))) {
                try await fixture.escalate(withReviewer)
            }
            #expect(try await StoreFootprint.of(database) == afterReviewer)

            // A refused raise uses no reference: the next one is still -0002.
            var single = fixture.raiseCommand()
            single.otherAgencies = [fixture.socialCare]
            await expectStoreError(.refused(.singleAgency)) {
                try await fixture.store.raise(single, partnership: fixture.partnership, at: .london("2026-12-21"))
            }
            #expect(try await StoreFootprint.of(database) == afterReviewer)
            #expect(try await fixture.raise().state.reference == "OLD-2026-0002")
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    /// An event row forged at the next free sequence makes the append itself fail.
    @Test(arguments: Backend.allCases) func aFailedAppendLeavesNoTrace(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.readyToEscalate(try await fixture.raise())
            let other = try await fixture.raise()
            let head = try await ChainAudit.run(database)
            var blocker = other.events[0]
            blocker.sequence = Int64(head.count) + 2
            blocker.content.disputeVersion = 99
            try await RawSQL.insert(blocker, disputeOf: blocker.sequence - 2, into: database)
            let before = try await StoreFootprint.of(database)
            let storedHead = try await Self.storedHead(database)

            await #expect(throws: (any Error).self) { try await fixture.escalate(dispute) }

            #expect(try await StoreFootprint.of(database) == before)
            #expect(try await Self.storedHead(database) == storedHead)
            #expect(try await fixture.store.load(dispute.id).events == dispute.events)

            try await TestDatabase.sql(database, "DELETE FROM dispute_events WHERE dispute_version = 99")
            let escalated = try await fixture.escalate(dispute)
            #expect(escalated.state.currentStage.stage == "head-of-service")
            let report = try await ChainAudit.run(database)
            #expect(report.isIntact)
            #expect(report.count == head.count + 2)
        }
    }

    /// A failure after the events were appended (saving the chain head, or writing the
    /// projection) must take the appended events with it.
    @Test(arguments: Backend.allCases) func aFailureLateInTheTransactionRollsEverythingBack(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.readyToEscalate(try await fixture.raise())
            let before = try await StoreFootprint.of(database)
            let storedHead = try await Self.storedHead(database)
            for (table, operation) in [
                ("event_chain_head", "UPDATE"), ("disputes", "UPDATE"), ("dispute_people", "INSERT"),
            ] {
                try await Self.failOn(table, operation, database)
                await #expect(throws: (any Error).self) { try await fixture.escalate(dispute) }
                await #expect(throws: (any Error).self) {
                    try await fixture.perform(fixture.discussionCommand, on: dispute)
                }
                try await Self.dropFailure(table, database)
                #expect(try await StoreFootprint.of(database) == before, "failing \(operation) on \(table)")
                #expect(try await Self.storedHead(database) == storedHead)
            }
            for (table, operation) in [
                ("event_chain_head", "UPDATE"), ("disputes", "INSERT"), ("dispute_people", "INSERT"),
            ] {
                try await Self.failOn(table, operation, database)
                await #expect(throws: (any Error).self) { try await fixture.raise() }
                try await Self.dropFailure(table, database)
                #expect(try await StoreFootprint.of(database) == before, "failing \(operation) on \(table)")
            }
            #expect(try await fixture.escalate(dispute).state.version == dispute.state.version + 2)
            #expect(try await fixture.raise().state.reference == "OLD-2026-0002")
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    /// A projection row claiming the next reference makes a raise fail only after its events
    /// and the chain head were written.
    @Test(arguments: Backend.allCases) func aReferenceClashRollsBackTheRaise(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            _ = try await fixture.raise()
            try await TestDatabase.sql(
                database,
                """
                INSERT INTO disputes (id, reference, partnership_id, policy_id, policy_version, scope, category, status,
                  current_stage, stage_started_on, raised_on, raised_by_id, significant_harm, version, last_event_at)
                SELECT \(RawSQL.newID(database)), 'OLD-2026-0003', partnership_id, policy_id, policy_version, scope,
                  category, status, current_stage, stage_started_on, raised_on, raised_by_id, significant_harm, version,
                  last_event_at FROM disputes WHERE reference = 'OLD-2026-0001'
                """)
            let before = try await StoreFootprint.of(database)
            let storedHead = try await Self.storedHead(database)
            await #expect(throws: (any Error).self) { try await fixture.raise() }
            #expect(try await StoreFootprint.of(database) == before)
            #expect(try await Self.storedHead(database) == storedHead)
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    static func storedHead(_ database: ConcordDatabase) async throws -> String {
        let row = try #require(
            try await RawSQL.rows(database, "SELECT last_sequence, last_hash FROM event_chain_head").first)
        return
            "\(try row.decode(column: "last_sequence", as: Int64.self))|\(try row.decode(column: "last_hash", as: String.self))"
    }

    /// Makes every `operation` on `table` fail, as a full disk or a lost connection would.
    static func failOn(_ table: String, _ operation: String, _ database: ConcordDatabase) async throws {
        switch database.kind {
        case .sqlite:
            try await TestDatabase.sql(
                database,
                "CREATE TRIGGER concord_fail BEFORE \(operation) ON \(table) BEGIN SELECT RAISE(ABORT, 'forced'); END")
        case .postgres:
            try await TestDatabase.sql(
                database,
                "CREATE OR REPLACE FUNCTION concord_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced'; END $$ LANGUAGE plpgsql"
            )
            try await TestDatabase.sql(
                database,
                "CREATE TRIGGER concord_fail BEFORE \(operation) ON \(table) FOR EACH ROW EXECUTE FUNCTION concord_fail()"
            )
        }
    }

    static func dropFailure(_ table: String, _ database: ConcordDatabase) async throws {
        switch database.kind {
        case .sqlite: try await TestDatabase.sql(database, "DROP TRIGGER concord_fail")
        case .postgres: try await TestDatabase.sql(database, "DROP TRIGGER concord_fail ON \(table)")
        }
    }
}
