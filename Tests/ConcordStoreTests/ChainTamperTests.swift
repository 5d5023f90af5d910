import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Someone with direct database access changes the event log; the audit names what they did.
enum Tampering: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case editPayload, editAndRehash, deleteMiddle, deleteTwo, deleteFirst, deleteMiddleAndRenumber
    case insertForged, swapAdjacent, deleteLast, deleteLastAndRewriteHead, replaceLast, replaceLastAndRewriteHead

    var testDescription: String { rawValue }
}

@Suite struct ChainTamperTests {
    /// Six events: A raised (1, 2), B raised (3, 4), a discussion on A (5), B's records (6).
    static func sixEvents(_ database: ConcordDatabase) async throws -> [ChainedEvent] {
        let fixture = try await Fixture.make(database)
        let first = try await fixture.raise()
        let second = try await fixture.raise()
        _ = try await fixture.perform(fixture.discussionCommand, on: first)
        _ = try await fixture.recordOutcome(second)
        let events = try await allEvents(database)
        try #require(events.count == 6)
        try #require(events[2].content.payload.contains("\"threshold\""))
        return events
    }

    @Test(arguments: Backend.allCases, Tampering.allCases) func theAuditNamesWhatWasDone(
        _ backend: Backend, _ tampering: Tampering
    ) async throws {
        try await TestDatabase.with(backend) { database in
            let events = try await Self.sixEvents(database)
            let printed = try await ChainAudit.run(database)
            #expect(printed.isIntact)
            #expect(printed.headHash == events[5].hash)

            let expected = try await Self.apply(tampering, events, database)

            let withPrintedHead = try await ChainAudit.run(database, expectedHead: printed.headHash)
            #expect(withPrintedHead.findings == expected)
            let plain = try await ChainAudit.run(database)
            #expect(plain.findings == expected.filter { if case .headMismatch = $0 { false } else { true } })
            #expect(!withPrintedHead.isIntact)
        }
    }

    /// Tampers with the stored log and returns what an audit given the earlier head hash must find.
    static func apply(
        _ tampering: Tampering, _ events: [ChainedEvent], _ database: ConcordDatabase
    ) async throws
        -> [ChainVerifier.Finding]
    {
        func sql(_ statement: String) async throws { try await TestDatabase.sql(database, statement) }
        let printedHead = events[5].hash
        switch tampering {
        case .editPayload:
            try await sql(
                "UPDATE dispute_events SET payload = replace(payload, 'threshold', 'other') WHERE sequence = 3")
            return [.edited(sequence: 3)]
        case .editAndRehash:
            let edited = rehashed(events[2])
            try await sql(
                "UPDATE dispute_events SET payload = \(RawSQL.quoted(edited.content.payload)), hash = \(RawSQL.quoted(edited.hash)) WHERE sequence = 3"
            )
            return [.rehashedOrDeleted(after: 3, before: 4)]
        case .deleteMiddle:
            try await sql("DELETE FROM dispute_events WHERE sequence = 3")
            return [.deleted(sequences: 3...3)]
        case .deleteTwo:
            try await sql("DELETE FROM dispute_events WHERE sequence IN (3, 4)")
            return [.deleted(sequences: 3...4)]
        case .deleteFirst:
            try await sql("DELETE FROM dispute_events WHERE sequence = 1")
            return [.deletedBefore(sequence: 2)]
        case .deleteMiddleAndRenumber:
            try await sql("DELETE FROM dispute_events WHERE sequence = 3")
            try await sql("UPDATE dispute_events SET sequence = -(sequence - 1) WHERE sequence > 3")
            try await sql("UPDATE dispute_events SET sequence = -sequence WHERE sequence < 0")
            try await RawSQL.setHead(database, sequence: 5, hash: printedHead)
            return [.rehashedOrDeleted(after: 2, before: 3)]
        case .insertForged:
            var forged = rehashed(events[2], previous: events[2].hash)
            forged.sequence = 4
            forged.content.disputeVersion = 99
            forged.hash = EventChain.hash(forged.content, previous: forged.previousHash)
            try await RawSQL.shiftSequences(database, from: 4)
            try await RawSQL.insert(forged, disputeOf: 3, into: database)
            try await RawSQL.setHead(database, sequence: 7, hash: printedHead)
            return [.inserted(sequence: 4)]
        case .swapAdjacent:
            try await RawSQL.swapSequences(database, 3, 4)
            return [.reordered(sequence: 3), .reordered(sequence: 4)]
        case .deleteLast:
            try await sql("DELETE FROM dispute_events WHERE sequence = 6")
            return [
                .tailDeleted(lastStored: 5, headRecords: 6),
                .headMismatch(expected: printedHead, found: events[4].hash),
            ]
        case .deleteLastAndRewriteHead:
            try await sql("DELETE FROM dispute_events WHERE sequence = 6")
            try await RawSQL.setHead(database, sequence: 5, hash: events[4].hash)
            return [.headMismatch(expected: printedHead, found: events[4].hash)]
        case .replaceLast:
            let replaced = rehashed(events[5])
            try await sql(
                "UPDATE dispute_events SET payload = \(RawSQL.quoted(replaced.content.payload)), hash = \(RawSQL.quoted(replaced.hash)) WHERE sequence = 6"
            )
            return [.lastReplaced(sequence: 6), .headMismatch(expected: printedHead, found: replaced.hash)]
        case .replaceLastAndRewriteHead:
            let replaced = rehashed(events[5])
            try await sql(
                "UPDATE dispute_events SET payload = \(RawSQL.quoted(replaced.content.payload)), hash = \(RawSQL.quoted(replaced.hash)) WHERE sequence = 6"
            )
            try await RawSQL.setHead(database, sequence: 6, hash: replaced.hash)
            return [.headMismatch(expected: printedHead, found: replaced.hash)]
        }
    }

    /// `event` with a changed payload and a hash that matches it.
    static func rehashed(_ event: ChainedEvent, previous: String? = nil) -> ChainedEvent {
        var event = event
        event.content.payload = event.content.payload.replacingOccurrences(of: "No agreement yet", with: "Agreed")
            .replacingOccurrences(of: "threshold", with: "other")
        event.previousHash = previous ?? event.previousHash
        event.hash = EventChain.hash(event.content, previous: event.previousHash)
        return event
    }

    @Test(arguments: Backend.allCases) func tamperedProjectionsDoNotTouchTheChain(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            _ = try await Self.sixEvents(database)
            try await TestDatabase.sql(database, "UPDATE disputes SET status = 'closed'")
            try await TestDatabase.sql(database, "DELETE FROM dispute_people")
            #expect(try await ChainAudit.run(database).isIntact)
        }
    }
}
