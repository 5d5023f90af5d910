import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The plans "including timescales": each open action's due date is watched like a stage's
/// deadline, and reaches only the person whose action it is, and after it their line manager.
@Suite struct ActionDeadlineSweepTests {
    /// An Oldham dispute raised on Monday 21 December 2026 whose plan gives Pat Worker (line
    /// manager Sam) an action due Thursday 7 January 2027 and Ola an action due later.
    func withPlan(_ database: ConcordDatabase) async throws -> (Fixture, DisputeStore.Loaded) {
        let fixture = try await Fixture.make(database)
        let raised = try await fixture.raise()
        let added = try await fixture.perform(.addParticipant(fixture.practitioner, capacity: nil), on: raised)
        let planned = try await fixture.perform(
            .agreePlan([
                PlannedAction(
                    id: "a1", action: "Share the chronology for Child A", owner: fixture.practitioner,
                    due: LocalDate(iso: "2027-01-07")!),
                PlannedAction(
                    id: "a2", action: "Book the strategy discussion", owner: fixture.otherManager,
                    due: LocalDate(iso: "2027-02-01")!),
            ]), on: added)
        return (fixture, planned)
    }

    func actionMessages(_ fixture: Fixture) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership).filter {
            ($0.kind == .reminder || $0.kind == .overdue) && $0.subject.contains("action")
        }
    }

    @Test(
        "The due dates of plan actions are watched: a reminder to the owner before, an overdue notice to them and their line manager after",
        arguments: Backend.allCases)
    func planActionsAreWatched(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (fixture, _) = try await withPlan(database)
            let sweep = DeadlineSweep(database)
            _ = try await sweep.run(at: .london("2027-01-05", hour: 7))
            #expect(try await actionMessages(fixture).isEmpty)
            _ = try await sweep.run(at: .london("2027-01-06", hour: 7))
            let reminders = try await actionMessages(fixture)
            #expect(reminders.map(\.recipientName) == ["Pat Worker"])
            #expect(reminders.first?.kind == .reminder)
            #expect(reminders.first?.subject.contains("your action is due Thursday 7 January 2027") == true)
            _ = try await sweep.run(at: .london("2027-01-08", hour: 7))
            let overdue = try await actionMessages(fixture).filter { $0.kind == .overdue }
            #expect(Set(overdue.map(\.recipientName)) == ["Pat Worker", "Sam Manager"])
            #expect(overdue.allSatisfy { $0.subject.contains("an action is overdue by 1 working day") })
        }
    }

    @Test("A done action, or an ended dispute, is no longer watched", arguments: Backend.allCases)
    func doneActionsAreNotWatched(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let (fixture, planned) = try await withPlan(database)
            let done = try await fixture.perform(
                .completeAction(id: "a1", note: nil), on: planned, by: fixture.practitioner, day: "2027-01-04")
            _ = try await DeadlineSweep(database).run(at: .london("2027-01-08", hour: 7))
            #expect(try await actionMessages(fixture).isEmpty)
            let mine = try await DisputeActionRow.owned(by: UUID(uuidString: fixture.otherManager.id)!, database)
            #expect(mine.map(\.action.id) == ["a2"])
            _ = try await fixture.perform(.withdraw(reason: "Agreed after all"), on: done, day: "2027-01-08")
            #expect(try await DisputeActionRow.owned(by: UUID(uuidString: fixture.otherManager.id)!, database).isEmpty)
        }
    }

    @Test(
        "What the action says goes only to the partnership's secure domains, since people write it about the child")
    func actionTextStaysOnSecureDomains() async throws {
        try await TestDatabase.with(.sqlite) { database in
            let (fixture, _) = try await withPlan(database)
            _ = try await DeadlineSweep(database).run(at: .london("2027-01-06", hour: 7))
            let reminder = try #require(try await actionMessages(fixture).first)
            #expect(!reminder.text.contains("Child A"))
            #expect(reminder.text.contains("Pat Worker"))
        }
    }

    @Test(
        "Open disputes' actions are projected when the table is added, and rebuilt to the same rows",
        arguments: Backend.allCases)
    func actionsAreBackfilledAndRebuilt(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            _ = try await withPlan(database)
            let before = try await DisputeQueries.snapshot(database)
            #expect(before.contains { $0.contains("|a1|planned|Share the chronology for Child A|") })
            _ = try await ProjectionRebuilder.rebuild(database)
            #expect(try await DisputeQueries.snapshot(database) == before)
            // As a database from before the table: the migration finds the open actions.
            _ = try await RawSQL.rows(database, "DROP TABLE dispute_actions")
            _ = try await RawSQL.rows(
                database, "DELETE FROM _fluent_migrations WHERE name LIKE '%CreateDisputeActions'")
            try await database.migrate()
            #expect(try await DisputeQueries.snapshot(database) == before)
        }
    }
}
