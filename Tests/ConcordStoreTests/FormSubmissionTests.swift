import ConcordCore
import ConcordStore
import Foundation
import Testing

/// A form's one-time token, claimed in the same transaction as the events it causes, so that a
/// form submitted twice takes effect once.
@Suite struct FormSubmissionTests {
    static func submission(_ token: String = "form-\(UUID().uuidString)") -> DisputeStore.Submission {
        DisputeStore.Submission(token: token, account: UUID())
    }

    static func submissions(_ database: ConcordDatabase) async throws -> Int {
        try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM form_submissions")
    }

    @Test(arguments: Backend.allCases) func aStepSubmittedTwiceTakesEffectOnce(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise()
            let form = Self.submission()
            let done = try await fixture.store.perform(
                fixture.discussionCommand, on: raised.id, expectedVersion: raised.state.version, by: fixture.manager,
                at: .london("2026-12-21"), submission: form)
            #expect(done.state.version == raised.state.version + 1)
            let footprint = try await StoreFootprint.of(database)
            // The same form again, even decided on the version it now has.
            await expectStoreError(.duplicateSubmission(dispute: raised.id)) {
                try await fixture.store.perform(
                    fixture.discussionCommand, on: raised.id, expectedVersion: done.state.version,
                    by: fixture.manager, at: .london("2026-12-21"), submission: form)
            }
            #expect(try await StoreFootprint.of(database) == footprint)
            #expect(try await fixture.store.load(raised.id).state.version == done.state.version)
            #expect(try await Self.submissions(database) == 1)
            // The token names the dispute it changed, wherever it is sent again.
            let other = try await fixture.raise()
            await expectStoreError(.duplicateSubmission(dispute: raised.id)) {
                try await fixture.store.perform(
                    fixture.discussionCommand, on: other.id, expectedVersion: other.state.version,
                    by: fixture.manager, at: .london("2026-12-21"), submission: form)
            }
            #expect(try await fixture.store.load(other.id).state.version == other.state.version)
            // A different form on the same dispute is not a duplicate.
            let next = try await fixture.store.perform(
                fixture.discussionCommand, on: raised.id, expectedVersion: done.state.version, by: fixture.manager,
                at: .london("2026-12-21"), submission: Self.submission())
            #expect(next.state.version == done.state.version + 1)
            #expect(try await Self.submissions(database) == 2)
        }
    }

    @Test(arguments: Backend.allCases) func aRaiseSubmittedTwiceRaisesOneDispute(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let form = Self.submission()
            let first = try await fixture.store.raise(
                fixture.raiseCommand(), partnership: fixture.partnership, at: .london("2026-12-21"), submission: form)
            let footprint = try await StoreFootprint.of(database)
            await expectStoreError(.duplicateSubmission(dispute: first.id)) {
                try await fixture.store.raise(
                    fixture.raiseCommand(), partnership: fixture.partnership, at: .london("2026-12-21"),
                    submission: form)
            }
            #expect(try await StoreFootprint.of(database) == footprint)
            #expect(try await DisputeQueries.list(database).map(\.id) == [first.id])
            #expect(try await fixture.store.load(first.id).events.count == first.events.count)
        }
    }

    @Test(arguments: Backend.allCases) func ofTwoConcurrentSubmissionsExactlyOneTakesEffect(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise()
            let form = Self.submission()
            let store = fixture.store
            let command = fixture.discussionCommand
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, StoreError>.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        do {
                            let done = try await store.perform(
                                command, on: raised.id, expectedVersion: raised.state.version, by: fixture.manager,
                                at: .london("2026-12-21"), submission: form)
                            return .success(done.state.version)
                        } catch let error as StoreError {
                            return .failure(error)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.compactMap { try? $0.get() } == [raised.state.version + 1])
            for case .failure(let error) in outcomes {
                #expect(error == .duplicateSubmission(dispute: raised.id))
            }
            let loaded = try await store.load(raised.id)
            #expect(loaded.state.version == raised.state.version + 1)
            #expect(loaded.events.filter { $0.content.type == "discussion-recorded" }.count == 1)
            #expect(try await ChainAudit.run(database).isIntact)
            #expect(try await Self.submissions(database) == 1)
        }
    }

    @Test(arguments: Backend.allCases) func aRefusedOrStaleStepLeavesTheTokenUnused(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise()
            let form = Self.submission()
            let footprint = try await StoreFootprint.of(database)
            await expectStoreError(.refused(.missingField("at least one of the stage's records"))) {
                try await fixture.store.perform(
                    .recordStageRecords(StageRecords(outcome: "  ")), on: raised.id,
                    expectedVersion: raised.state.version, by: fixture.manager, at: .london("2026-12-21"),
                    submission: form)
            }
            await expectStoreError(.conflict(expected: 1, current: raised.state.version, changes: ["stage-entered"])) {
                try await fixture.store.perform(
                    fixture.discussionCommand, on: raised.id, expectedVersion: 1, by: fixture.manager,
                    at: .london("2026-12-21"), submission: form)
            }
            #expect(try await StoreFootprint.of(database) == footprint)
            #expect(try await Self.submissions(database) == 0)
            // Fixed and sent again with the same token, it goes through, once.
            let done = try await fixture.store.perform(
                .recordStageRecords(StageRecords(outcome: "No agreement yet")), on: raised.id,
                expectedVersion: raised.state.version, by: fixture.manager, at: .london("2026-12-21"),
                submission: form)
            #expect(done.state.version == raised.state.version + 1)
            #expect(try await Self.submissions(database) == 1)
            await expectStoreError(.duplicateSubmission(dispute: raised.id)) {
                try await fixture.store.perform(
                    .recordStageRecords(StageRecords(outcome: "No agreement yet")), on: raised.id,
                    expectedVersion: done.state.version, by: fixture.manager, at: .london("2026-12-21"),
                    submission: form)
            }
        }
    }
}
