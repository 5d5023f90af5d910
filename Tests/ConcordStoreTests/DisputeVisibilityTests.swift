import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The disputes each account may list: exactly those it has a reason to see, newest first.
@Suite struct DisputeVisibilityTests {
    @Test(arguments: Backend.allCases) func eachAccountListsExactlyTheDisputesItMaySee(_ backend: Backend) async throws
    {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let practice = scenario.practice.state.reference
            let managers = scenario.managers.state.reference
            let elsewhere = scenario.elsewhere.state.reference
            #expect(Set([practice, managers, elsewhere]).count == 3)
            let expected: [String: [String]] = [
                "practitioner": [practice], "otherPractitioner": [practice],
                "manager": [managers, practice], "senior": [managers, practice],
                "otherManager": [managers, practice], "otherSenior": [managers, practice],
                "office": [managers, practice], "scrutineer": [managers, practice], "auditor": [managers, practice],
                "otherOffice": [elsewhere],
                "peer": [], "stranger": [], "administrator": [], "disabled": [], "disabledOffice": [],
            ]
            #expect(Set(expected.keys) == Set(scenario.accounts.keys))
            for (account, references) in expected {
                #expect(try await scenario.visible(account) == references, "\(account)")
            }
            // Everything listed is something the account has a relation to.
            for account in scenario.accounts.values {
                for summary in try await DisputeAccess.visible(database, account: account) {
                    let relation = try await DisputeAccess.relation(database, account: account, dispute: summary.id)
                    #expect(relation != nil, "\(account.name) lists \(summary.reference)")
                }
            }
        }
    }

    @Test(arguments: Backend.allCases) func theMostRecentlyChangedDisputeComesFirst(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            let practice = scenario.practice.state.reference
            let managers = scenario.managers.state.reference
            _ = try await scenario.fixture.perform(
                .addParticipant(scenario.stranger, capacity: .namedProfessional), on: scenario.practice,
                day: "2026-12-04")
            for account in ["manager", "senior", "otherSenior", "office", "auditor"] {
                #expect(try await scenario.visible(account) == [practice, managers], "\(account)")
            }
            #expect(try await scenario.visible("stranger") == [practice])
            let listed = try await DisputeAccess.visible(database, account: scenario["office"])
            #expect(listed.map(\.lastEventAt) == listed.map(\.lastEventAt).sorted(by: >))
            #expect(listed.first?.version == scenario.practice.state.version + 1)
        }
    }

    /// Line-manager data that loops back on itself, which the directory refuses but a database
    /// edit or an import could still leave behind, must not hang the walk up or down.
    @Test(arguments: Backend.allCases) func aLoopInLineManagementStillEnds(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await AccessScenario.make(database)
            func manage(_ person: String, by manager: String) async throws {
                try await TestDatabase.guardedSQL(
                    database,
                    """
                    UPDATE people SET line_manager_id = (SELECT id FROM people WHERE name = \(RawSQL.quoted(manager)))
                    WHERE name = \(RawSQL.quoted(person))
                    """)
            }
            // The two senior managers manage each other, and the stranger manages themself.
            try await manage("Cal Senior", by: "Hal Senior")
            try await manage("Hal Senior", by: "Cal Senior")
            try await manage("Sid Stranger", by: "Sid Stranger")
            // As an operator editing in SQL must, so that the directory is read again.
            try await TestDatabase.guardedSQL(database, "UPDATE directory_version SET version = version + 1")
            let people = try await Directory(database).people()
            let cal = try #require(people.first { $0.name == "Cal Senior" })
            let hal = try #require(people.first { $0.name == "Hal Senior" })
            #expect(cal.lineManagerID == hal.id && hal.lineManagerID == cal.id)

            let practice = scenario.practice.state.reference
            let managers = scenario.managers.state.reference
            let accounts = scenario.accounts
            let (practiceID, managersID) = (scenario.practice.id, scenario.managers.id)
            let walked = try await Self.finishing(within: 180, on: database) { own in
                var listed: [[String]] = []
                for name in ["senior", "otherSenior", "stranger", "practitioner"] {
                    listed.append(try await DisputeAccess.visible(own, account: accounts[name]!).map(\.reference))
                }
                var relations: [DisputeAccess.Relation?] = []
                for (name, dispute) in [
                    ("senior", practiceID), ("stranger", practiceID), ("peer", managersID),
                    ("administrator", practiceID),
                ] {
                    relations.append(try await DisputeAccess.relation(own, account: accounts[name]!, dispute: dispute))
                }
                return Walked(listed: listed, relations: relations)
            }
            let result = try #require(walked, "the walk through looped line management did not finish")
            #expect(result.listed == [[managers, practice], [managers, practice], [], [practice]])
            #expect(result.relations == [.lineManager, nil, nil, nil])
        }
    }

    struct Walked: Sendable {
        var listed: [[String]]
        var relations: [DisputeAccess.Relation?]
    }

    /// `body`'s result, or nil if it has not finished within `seconds`. A walk that never ends
    /// cannot be cancelled, so `body` runs on a thread of its own with a database handle of its
    /// own, left behind if it overruns, rather than taking the shared pool's few threads and
    /// hanging the whole test run or outliving the test's handle.
    static func finishing<T: Sendable>(
        within seconds: Double, on database: ConcordDatabase,
        _ body: @escaping @Sendable (ConcordDatabase) async throws -> T
    ) async throws -> T? {
        let own = try await ConcordDatabase.open(database.url)
        let (results, continuation) = AsyncThrowingStream<T?, any Error>.makeStream()
        Task(executorPreference: OwnThread()) {
            do { continuation.yield(try await body(own)) } catch { continuation.finish(throwing: error) }
        }
        Task.detached {
            try? await Task.sleep(for: .seconds(seconds))
            continuation.yield(nil)
        }
        var result: T?
        do {
            for try await first in results {
                result = first
                break
            }
        } catch {
            await own.shutdown()
            throw error
        }
        if result != nil { await own.shutdown() }
        return result
    }
}

/// Runs a task's jobs on a serial queue of its own rather than on the shared cooperative pool.
final class OwnThread: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "concord.tests.own-thread")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
