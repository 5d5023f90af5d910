import ConcordCore
import FluentKit
import Foundation
import SQLKit

extension Outbox {
    /// Gathers each person's held messages into one digest for `day`, at most one a day each.
    /// The digest and the messages it replaces change in one transaction, so a message is
    /// either held or in exactly one digest.
    public func assembleDigests(on day: LocalDate, at now: Date) async throws -> Int {
        try await database.database.transaction { tx in
            let held = try await OutboxMessageModel.query(on: tx).filter(\.$status == OutboxStatus.held.rawValue)
                .sort(\.$createdAt).all()
            var byPerson: [UUID: [OutboxMessageModel]] = [:]
            for message in held {
                if let person = message.personID { byPerson[person, default: []].append(message) }
            }
            var digests = 0
            for (person, messages) in byPerson.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                guard let first = messages.first else { continue }
                let letter = DigestLetter.letter(
                    to: first.recipientName, on: day,
                    items: messages.map { DigestLetter.Item(subject: $0.subject, text: $0.textBody) })
                let digestID = UUID()
                let row = OutboxRow(
                    id: digestID, key: "digest/\(person.uuidString.lowercased())/\(day.iso)",
                    partnershipID: first.partnershipID, disputeID: nil, reference: nil, personID: person,
                    name: first.recipientName, email: first.recipientEmail, kind: .digest,
                    disclosure: Self.digestDisclosure(messages), urgent: false, letter: letter, status: .pending,
                    error: nil, now: now)
                // Already sent one today: the rest wait for tomorrow's.
                guard try await OutboxRow.insert([row], tx) == 1 else { continue }
                try await OutboxMessageModel.query(on: tx).filter(\.$id ~~ messages.compactMap(\.id))
                    .set(\.$status, to: OutboxStatus.digested.rawValue).set(\.$digestID, to: digestID).update()
                digests += 1
            }
            return digests
        }
    }

    /// A digest discloses no more than the least of the messages in it.
    private static func digestDisclosure(_ messages: [OutboxMessageModel]) -> NoticeLetter.Disclosure {
        messages.allSatisfy { $0.disclosure == NoticeLetter.Disclosure.full.rawValue }
            ? .full : .withoutChildDetails
    }
}
