import ConcordCore
import ConcordStore
import Foundation
import Testing

/// People acting on the same dispute version: the first wins, the others are told what changed.
@Suite struct ConcurrencyTests {
    @Test(arguments: Backend.allCases) func theSecondPersonOnAStaleVersionIsRefused(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let opened = try await fixture.readyToEscalate(try await fixture.raise())
            let version = opened.state.version
            let first = try await fixture.perform(fixture.escalateCommand, on: opened, by: fixture.manager)
            let countAfterFirst = try await ChainAudit.run(database).count
            await expectStoreError(
                .conflict(expected: version, current: version + 2, changes: ["escalated", "stage-entered"])
            ) {
                try await fixture.perform(fixture.discussionCommand, on: opened, by: fixture.otherManager)
            }
            await expectStoreError(
                .conflict(
                    expected: version - 1, current: version + 2,
                    changes: ["stage-records-recorded", "escalated", "stage-entered"])
            ) {
                try await fixture.store.perform(
                    fixture.escalateCommand, on: opened.id, expectedVersion: version - 1, by: fixture.otherManager,
                    at: .london("2026-12-21"))
            }
            #expect(try await ChainAudit.run(database).count == countAfterFirst)
            let reloaded = try await fixture.store.load(opened.id)
            #expect(reloaded.state == first.state)
            #expect(reloaded.events.filter { $0.content.type == "escalated" }.count == 1)
            // Having reloaded, the second person's step goes through once.
            let second = try await fixture.perform(fixture.discussionCommand, on: reloaded, by: fixture.otherManager)
            #expect(second.state.version == version + 3)
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    @Test(arguments: Backend.allCases) func tenConcurrentStepsOnOneVersionCommitExactlyOne(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let opened = try await fixture.readyToEscalate(try await fixture.raise())
            let before = try await ChainAudit.run(database).count
            let outcomes = try await Self.race(10, fixture.store, fixture.store, fixture, opened)
            Self.expectOneWinner(outcomes, version: opened.state.version)
            let after = try await ChainAudit.run(database)
            #expect(after.isIntact)
            #expect(after.count == before + 2)
            let loaded = try await fixture.store.load(opened.id)
            #expect(loaded.state.version == opened.state.version + 2)
            #expect(loaded.state.escalations.count == 1)
        }
    }

    @Test(arguments: Backend.allCases) func concurrentRaisesGetDistinctReferences(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let references = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 { group.addTask { try await fixture.raise().state.reference } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(references) == Set((1...10).map { String(format: "OLD-2026-%04d", $0) }))
            let report = try await ChainAudit.run(database)
            #expect(report.isIntact)
            #expect(report.count == 20)
            #expect(try await allEvents(database).map(\.sequence) == Array(1...20))
        }
    }

    @Test(arguments: Backend.allCases) func stepsOnDifferentDisputesAllCommit(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            var disputes: [DisputeStore.Loaded] = []
            for _ in 0..<8 { disputes.append(try await fixture.raise()) }
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for dispute in disputes {
                    group.addTask { try await fixture.perform(fixture.discussionCommand, on: dispute).state.version }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(versions == Array(repeating: 3, count: 8))
            let events = try await allEvents(database)
            #expect(events.map(\.sequence) == Array(1...24))
            #expect(events.suffix(8).map(\.content.type) == Array(repeating: "discussion-recorded", count: 8))
            #expect(Set(events.suffix(8).map(\.content.disputeID)) == Set(disputes.map(\.id)))
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }

    /// Two servers, each with its own connection pool, on one PostgreSQL database.
    @Test(arguments: [Backend.postgres]) func twoServersOnOneDatabaseCommitExactlyOne(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let second = try await ConcordDatabase.open(database.url)
            do {
                let fixture = try await Fixture.make(database)
                let opened = try await fixture.readyToEscalate(try await fixture.raise())
                let before = try await ChainAudit.run(second).count
                let outcomes = try await Self.race(
                    10, DisputeStore(database), DisputeStore(second), fixture, opened)
                Self.expectOneWinner(outcomes, version: opened.state.version)
                for server in [database, second] {
                    let report = try await ChainAudit.run(server)
                    #expect(report.isIntact)
                    #expect(report.count == before + 2)
                    #expect(try await DisputeStore(server).load(opened.id).state.version == opened.state.version + 2)
                }
                // Raises from both servers at once still chain one after another.
                let references = try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<8 {
                        let store = DisputeStore(index.isMultiple(of: 2) ? database : second)
                        group.addTask {
                            try await store.raise(
                                fixture.raiseCommand(), partnership: fixture.partnership, at: .london("2026-12-21")
                            ).state.reference
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(Set(references) == Set((2...9).map { String(format: "OLD-2026-%04d", $0) }))
                #expect(try await ChainAudit.run(database).isIntact)
                await second.shutdown()
            } catch {
                await second.shutdown()
                throw error
            }
        }
    }

    /// `count` tasks escalate the same version at once, alternating between two stores.
    static func race(
        _ count: Int, _ first: DisputeStore, _ second: DisputeStore, _ fixture: Fixture, _ opened: DisputeStore.Loaded
    ) async throws -> [Result<Int, StoreError>] {
        try await withThrowingTaskGroup(of: Result<Int, StoreError>.self) { group in
            for index in 0..<count {
                let store = index.isMultiple(of: 2) ? first : second
                let actor = index.isMultiple(of: 2) ? fixture.manager : fixture.otherManager
                let command = fixture.escalateCommand
                group.addTask {
                    do {
                        let done = try await store.perform(
                            command, on: opened.id, expectedVersion: opened.state.version, by: actor,
                            at: .london("2026-12-22"))
                        return .success(done.state.version)
                    } catch let error as StoreError {
                        return .failure(error)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    static func expectOneWinner(_ outcomes: [Result<Int, StoreError>], version: Int) {
        let wins = outcomes.compactMap { try? $0.get() }
        #expect(wins == [version + 2])
        let conflict = StoreError.conflict(
            expected: version, current: version + 2, changes: ["escalated", "stage-entered"])
        for case .failure(let error) in outcomes {
            #expect(error == conflict)
        }
    }
}
