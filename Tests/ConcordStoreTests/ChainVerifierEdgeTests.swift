import Foundation
import Testing

@testable import ConcordStore

/// Tamperings at the edges of the chain (its first and last events) and moves over a
/// distance: each must name exactly the events that were touched.
@Suite struct ChainVerifierEdgeTests {
    typealias Finding = ChainVerifier.Finding

    static func chain(_ count: Int) -> [ChainedEvent] { ChainVerifierTests.chain(count) }

    @Test func swappingTheLastTwoEventsNamesBothAsMoved() {
        let events = Self.chain(6)
        var swapped = events
        swapped.swapAt(4, 5)
        let findings = ChainVerifierTests.findings(
            ChainVerifierTests.renumbered(swapped), head: (6, events[5].hash))
        #expect(findings == [.reordered(sequence: 5), .reordered(sequence: 6)])
    }

    @Test func swappingTwoDistantEventsNamesOnlyThoseTwo() {
        var swapped = Self.chain(6)
        swapped.swapAt(1, 4)
        let findings = ChainVerifierTests.findings(ChainVerifierTests.renumbered(swapped))
        #expect(findings == [.reordered(sequence: 2), .reordered(sequence: 5)])
    }

    @Test func aForgedFirstEventChainedToGenesisIsNamedAsInserted() {
        let events = Self.chain(6)
        let forged = ChainVerifierTests.forged(after: EventChain.genesis)
        let findings = ChainVerifierTests.findings(ChainVerifierTests.renumbered([forged] + events))
        #expect(findings == [.inserted(sequence: 1)])
    }

    @Test func anUnchainedRowAfterTheHeadIsNamedAsInsertedAfterIt() {
        let events = Self.chain(6)
        var extra = ChainVerifierTests.forged(after: String(repeating: "f", count: 64))
        extra.sequence = 7
        let findings = ChainVerifierTests.findings(events + [extra], head: (6, events[5].hash))
        #expect(findings == [.tailInserted(sequence: 7, headRecords: 6)])
    }
}
