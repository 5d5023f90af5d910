import Foundation
import Testing

@testable import ConcordStore

/// `ChainVerifier.verify` on chains built in memory, with no database.
@Suite struct ChainVerifierTests {
    typealias Finding = ChainVerifier.Finding

    static func chain(_ count: Int) -> [ChainedEvent] {
        var events: [ChainedEvent] = []
        var previous = EventChain.genesis
        for sequence in 1...count {
            let content = EventContent(
                disputeID: UUID(uuidString: "00000000-0000-0000-0000-00000000000\(sequence % 2)")!,
                disputeVersion: sequence, type: "discussion-recorded", actorID: "person-\(sequence)",
                actorName: "Pat Worker", recordedAt: "2026-12-21T12:00:00.000Z", payload: "{\"n\":\(sequence)}")
            let hash = EventChain.hash(content, previous: previous)
            events.append(ChainedEvent(sequence: Int64(sequence), content: content, previousHash: previous, hash: hash))
            previous = hash
        }
        return events
    }

    /// Verifies with the chain head as last written (`head` events long), or as given.
    static func findings(
        _ events: [ChainedEvent], head: (sequence: Int64, hash: String)? = nil, expectedHead: String? = nil
    ) -> [Finding] {
        let head = head ?? (events.last?.sequence ?? 0, events.last?.hash ?? EventChain.genesis)
        return ChainVerifier.verify(events, head: head, expectedHead: expectedHead).findings
    }

    static func renumbered(_ events: [ChainedEvent]) -> [ChainedEvent] {
        events.enumerated().map { index, event in
            var event = event
            event.sequence = Int64(index + 1)
            return event
        }
    }

    static func forged(after previous: String, payload: String = "{\"forged\":true}") -> ChainedEvent {
        var event = chain(1)[0]
        event.content.payload = payload
        event.content.disputeVersion = 99
        event.previousHash = previous
        event.hash = EventChain.hash(event.content, previous: previous)
        return event
    }

    @Test func anIntactChainHasNoFindings() {
        let events = Self.chain(6)
        let report = ChainVerifier.verify(events, head: (6, events[5].hash), expectedHead: events[5].hash)
        #expect(report.isIntact)
        #expect(report.count == 6)
        #expect(report.headHash == events[5].hash)
        let empty = ChainVerifier.verify([], head: (0, EventChain.genesis))
        #expect(empty.isIntact)
        #expect(empty.headHash == EventChain.genesis)
    }

    @Test func editsAreNamed() {
        var events = Self.chain(6)
        events[2].content.payload = "{\"n\":33}"
        #expect(Self.findings(events, head: (6, events[5].hash)) == [.edited(sequence: 3)])
        events[4].content.actorName = "Someone Else"
        #expect(Self.findings(events) == [.edited(sequence: 3), .edited(sequence: 5)])

        var rehashed = Self.chain(6)
        rehashed[2].content.payload = "{\"n\":33}"
        rehashed[2].hash = EventChain.hash(rehashed[2].content, previous: rehashed[2].previousHash)
        #expect(Self.findings(rehashed) == [.rehashedOrDeleted(after: 3, before: 4)])
    }

    @Test func deletionsAreNamed() {
        let events = Self.chain(6)
        let head = (sequence: Int64(6), hash: events[5].hash)
        #expect(Self.findings(events.filter { $0.sequence != 3 }, head: head) == [.deleted(sequences: 3...3)])
        #expect(
            Self.findings(events.filter { ![3, 4].contains($0.sequence) }, head: head) == [.deleted(sequences: 3...4)])
        #expect(Self.findings(Array(events.dropFirst()), head: head) == [.deletedBefore(sequence: 2)])
        #expect(
            Self.findings(Self.renumbered(events.filter { $0.sequence != 3 }), head: (5, events[5].hash)) == [
                .rehashedOrDeleted(after: 2, before: 3)
            ])
        #expect(Self.findings(Array(events.prefix(5)), head: head) == [.tailDeleted(lastStored: 5, headRecords: 6)])
        #expect(Self.findings([], head: head) == [.tailDeleted(lastStored: 0, headRecords: 6)])
        #expect(
            Self.findings(Array(events.prefix(5)), head: (5, events[4].hash), expectedHead: events[5].hash) == [
                .headMismatch(expected: events[5].hash, found: events[4].hash)
            ])
    }

    @Test func insertionsAreNamed() {
        let events = Self.chain(6)
        let chained = Self.forged(after: events[2].hash)
        var inserted = events
        inserted.insert(chained, at: 3)
        #expect(Self.findings(Self.renumbered(inserted)) == [.inserted(sequence: 4)])

        var unchained = events
        unchained.insert(Self.forged(after: String(repeating: "f", count: 64)), at: 3)
        #expect(Self.findings(Self.renumbered(unchained)) == [.inserted(sequence: 4)])

        var appended = events
        var extra = Self.forged(after: events[5].hash)
        extra.sequence = 7
        appended.append(extra)
        #expect(Self.findings(appended, head: (6, events[5].hash)) == [.tailInserted(sequence: 7, headRecords: 6)])
        // With the head moved on as well, the chain has only grown since a head hash was kept:
        // that hash is a checkpoint still in the chain, so nothing is found.
        #expect(Self.findings(appended, expectedHead: events[5].hash) == [])
        // Had event 6 been replaced before appending, the kept hash would be gone.
        var replaced = Array(events.prefix(5))
        replaced.append(Self.forged(after: events[4].hash, payload: "{\"n\":66}"))
        replaced[5].sequence = 6
        var after = Self.forged(after: replaced[5].hash)
        after.sequence = 7
        replaced.append(after)
        #expect(
            Self.findings(replaced, expectedHead: events[5].hash) == [
                .headMismatch(expected: events[5].hash, found: after.hash)
            ])
    }

    @Test func movesAreNamed() {
        var swapped = Self.renumbered(Self.chain(6))
        swapped.swapAt(2, 3)
        #expect(Self.findings(Self.renumbered(swapped)) == [.reordered(sequence: 3), .reordered(sequence: 4)])

        var firstTwo = Self.chain(6)
        firstTwo.swapAt(0, 1)
        #expect(Self.findings(Self.renumbered(firstTwo)) == [.reordered(sequence: 1), .reordered(sequence: 2)])
    }

    @Test func theLastEventIsCheckedAgainstTheHead() {
        var events = Self.chain(6)
        let head = (sequence: Int64(6), hash: events[5].hash)
        events[5].content.payload = "{\"n\":66}"
        events[5].hash = EventChain.hash(events[5].content, previous: events[5].previousHash)
        #expect(Self.findings(events, head: head) == [.lastReplaced(sequence: 6)])
        #expect(
            Self.findings(events, expectedHead: head.hash) == [
                .headMismatch(expected: head.hash, found: events[5].hash)
            ])
    }

    @Test func findingsDescribeTheEventsTheyName() {
        #expect(Finding.edited(sequence: 3).description.contains("#3 was edited"))
        #expect(Finding.deleted(sequences: 3...3).description == "event #3 was deleted")
        #expect(Finding.deleted(sequences: 3...5).description == "events #3–#5 were deleted")
        #expect(Finding.inserted(sequence: 4).description.hasPrefix("event #4 was inserted"))
        #expect(Finding.reordered(sequence: 4).description.hasPrefix("event #4 was moved"))
        #expect(Finding.tailDeleted(lastStored: 5, headRecords: 6).description.contains("after #5"))
        #expect(
            Finding.headMismatch(expected: "abc", found: "def").description.hasPrefix(
                "no event has the hash abc kept elsewhere"))
        #expect(
            Finding.policyEdited(policy: "oldham", sha256: String(repeating: "ab", count: 32)).description.hasPrefix(
                "policy oldham version abababababab was edited"))
    }
}
