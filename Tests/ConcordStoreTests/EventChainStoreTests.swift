import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Every dispute's events form one hash chain, in the order they were written.
@Suite struct EventChainStoreTests {
    @Test(arguments: Backend.allCases) func eventsOfEveryDisputeFormOneChain(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let empty = try await ChainAudit.run(database)
            #expect(empty.isIntact)
            #expect(empty.count == 0)
            #expect(empty.headHash == EventChain.genesis)

            let oldham = try await Fixture.make(database)
            let sunderland = try await Fixture.make(database, policy: "sunderland")
            let first = try await oldham.raise()
            let second = try await sunderland.raise(significantHarm: true)
            _ = try await oldham.readyToEscalate(first)
            _ = try await sunderland.perform(sunderland.discussionCommand, on: second)
            _ = try await oldham.escalate(try await oldham.store.load(first.id), day: "2026-12-22")
            let events = try await allEvents(database)
            #expect(events.count == 10, "2 + 3 raised, 2 + 1 recorded, 2 escalated")
            #expect(events.map(\.sequence) == Array(1...Int64(events.count)))
            let (a, b) = (first.id, second.id)
            let owners: [UUID] = [a, a, b, b, b, a, a, b, a, a]
            #expect(events.map(\.content.disputeID) == owners)
            #expect(events[0].previousHash == EventChain.genesis)
            for (earlier, later) in zip(events, events.dropFirst()) {
                #expect(later.previousHash == earlier.hash)
            }
            for event in events {
                #expect(EventChain.hash(event.content, previous: event.previousHash) == event.hash)
                #expect(event.hash.count == 64)
            }
            #expect(Set(events.map(\.hash)).count == events.count)

            let report = try await ChainAudit.run(database)
            #expect(report.isIntact)
            #expect(report.findings == [])
            #expect(report.count == events.count)
            #expect(report.headHash == events.last?.hash)
            #expect(try await ChainAudit.run(database, expectedHead: report.headHash).isIntact)
            // A head kept earlier is a checkpoint the chain has since grown past; a hash the chain
            // never had is not.
            #expect(try await ChainAudit.run(database, expectedHead: events[events.count - 2].hash).isIntact)
            let unknown = String(repeating: "f", count: 64)
            #expect(
                try await ChainAudit.run(database, expectedHead: unknown).findings == [
                    .headMismatch(expected: unknown, found: report.headHash)
                ])
        }
    }

    @Test(arguments: Backend.allCases) func storedEventsKeepWhatWasHashed(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise(on: "2026-07-01")
            let stored = try await allEvents(database)
            #expect(stored == raised.events)
            let raisedEvent = try EventChain.event(stored[0].content.payload)
            guard case .raised(let payload) = raisedEvent else {
                Issue.record("first event is \(raisedEvent.type)")
                return
            }
            #expect(payload.reference == "OLD-2026-0001")
            #expect(payload.partnershipID == fixture.partnership.uuidString)
            #expect(stored[0].content.recordedAt == EventChain.timestamp(.london("2026-07-01")))
            #expect(stored[0].content.recordedAt == "2026-07-01T11:00:00.000Z")
            #expect(stored.allSatisfy { $0.content.actorID == fixture.manager.id })
            #expect(try EventChain.payload(raisedEvent) == stored[0].content.payload)
        }
    }
}
