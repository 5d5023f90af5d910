import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Someone with direct database access changes the event log; the audit names what they did.
enum Tampering: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case editPayload, editAndRehash, deleteMiddle, deleteTwo, deleteFirst, deleteMiddleAndRenumber
    case insertForged, swapAdjacent, deleteLast, deleteLastAndRewriteHead, replaceLast, replaceLastAndRewriteHead
    case swapDistant, insertForgedFirst, appendAfterHead

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
        case .swapDistant:
            // Only the two moved rows have both neighbours wrong; those between them do not.
            try await RawSQL.swapSequences(database, 2, 5)
            return [.reordered(sequence: 2), .reordered(sequence: 5)]
        case .insertForgedFirst:
            var forged = rehashed(events[0], previous: EventChain.genesis)
            forged.sequence = 1
            forged.content.disputeVersion = 99
            forged.hash = EventChain.hash(forged.content, previous: forged.previousHash)
            try await RawSQL.shiftSequences(database, from: 1)
            try await RawSQL.insert(forged, disputeOf: 2, into: database)
            try await RawSQL.setHead(database, sequence: 7, hash: printedHead)
            return [.inserted(sequence: 1)]
        case .appendAfterHead:
            // Chained to the head, but the head was not moved: Concord did not append it. The
            // printed head is still in the chain, so it is no head mismatch.
            var forged = rehashed(events[5], previous: printedHead)
            forged.sequence = 7
            forged.content.disputeVersion = 99
            forged.hash = EventChain.hash(forged.content, previous: forged.previousHash)
            try await RawSQL.insert(forged, disputeOf: 6, into: database)
            return [.tailInserted(sequence: 7, headRecords: 6)]
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

    /// Someone edits a stored policy version by raw SQL: the audit names the version, and a
    /// process that has not yet read that version refuses to load a dispute raised under it.
    @Test(arguments: Backend.allCases) func anEditedPolicyVersionIsNamedAndRefused(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let untouched = try await fixture.raise()
            // `PolicyCache.shared` keeps each version parsed for as long as the process runs, so
            // the edited version must be one no test in this process has read: a comment line
            // makes its SHA-256 unique to this test.
            let yaml = try #require(PolicyLibrary.text(of: "oldham")) + "\n# Installed for \(UUID().uuidString)\n"
            let sha256 = try await Directory(database).installPolicy(
                yaml, file: "oldham.yaml", partnership: fixture.partnership, at: Date().addingTimeInterval(60))
            #expect(try await ChainAudit.run(database).isIntact)

            // The dispute is raised under that version by another process, as a CLI command
            // would, so this one never parses it before the edit.
            let url: String =
                switch database.url {
                case .sqlite(let path): "sqlite:\(path)"
                case .postgres(let url): url
                }
            let partnership = fixture.partnership
            let (raisedBy, other, agency) = (fixture.manager, fixture.otherManager, fixture.health)
            await #expect(processExitsWith: .success) {
                [
                    url = url as String, partnership = partnership as UUID, raisedBy = raisedBy as PersonRef,
                    other = other as PersonRef, agency = agency as AgencyRef
                ] in
                let database = try await ConcordDatabase.open(try DatabaseURL(url))
                let command = RaiseDispute(
                    raisedBy: raisedBy, otherAgencies: [agency], professionals: [other],
                    children: [ChildRecord(name: "Child B", dateOfBirth: LocalDate(iso: "2020-06-01"))],
                    category: .threshold, disagreement: "Whether the threshold is met",
                    outcomeWanted: "A strategy discussion", significantHarm: false)
                do {
                    _ = try await DisputeStore(database).raise(
                        command, partnership: partnership, at: .london("2026-12-21"))
                } catch {
                    await database.shutdown()
                    throw error
                }
                await database.shutdown()
            }
            let raised = try await DisputeQueries.list(database).filter { $0.id != untouched.id }
            try #require(raised.count == 1)
            #expect(try await ChainAudit.run(database).isIntact)

            try await TestDatabase.sql(
                database,
                "UPDATE policy_versions SET yaml = replace(yaml, 'working_days: 5', 'working_days: 15') WHERE sha256 = \(RawSQL.quoted(sha256))"
            )
            let report = try await ChainAudit.run(database)
            #expect(report.findings == [.policyEdited(policy: "oldham", sha256: sha256)])
            #expect(
                report.findings.first?.description.contains("policy oldham version \(sha256.prefix(12)) was edited")
                    == true)
            #expect(report.count == untouched.events.count + 2)

            let store = DisputeStore(database)
            await expectStoreError(.policyAltered(sha256)) { try await store.load(raised[0].id) }
            await expectStoreError(.policyAltered(sha256)) {
                try await store.perform(
                    fixture.discussionCommand, on: raised[0].id, expectedVersion: raised[0].version,
                    by: fixture.manager, at: .london("2026-12-22"))
            }
            // New disputes would be raised under the edited version, so they are refused too;
            // one raised under the untouched version still loads.
            await expectStoreError(.policyAltered(sha256)) { try await fixture.raise() }
            #expect(try await store.load(untouched.id).state == untouched.state)
        }
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
