import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// A message about to be queued. Rows are inserted ignoring a key already queued, so a notice
/// written twice, by a retried command or by two servers sweeping at once, is queued once.
struct OutboxRow {
    var values: [any Encodable & Sendable]

    static let columns = [
        "id", "dedupe_key", "partnership_id", "dispute_id", "reference", "person_id", "recipient_name",
        "recipient_email", "kind", "disclosure", "urgent", "subject", "text_body", "html_body", "status", "attempts",
        "next_attempt_at", "last_error", "created_at", "attachment_filename", "attachment_type", "attachment_text",
    ]

    /// A message for one person about a notice; someone with no address is failed at once, so
    /// the gap is seen.
    init(
        key: String, dispute: NoticeQueue.Dispute, person: AddressBook.Person, notice: Notice,
        disclosure: NoticeLetter.Disclosure, letter: NoticeLetter, held: Bool, now: Date,
        attachment: OutboxMessage.Attachment? = nil
    ) {
        self.init(
            id: UUID(), key: key, partnershipID: dispute.partnershipID, disputeID: dispute.id,
            reference: dispute.reference, personID: person.id, name: person.name, email: person.email,
            kind: notice.kind, disclosure: disclosure, urgent: notice.urgent, letter: letter,
            status: person.email == nil ? .failed : held ? .held : .pending,
            error: person.email == nil ? "no e-mail address is recorded for \(person.name)" : nil, now: now,
            attachment: attachment)
    }

    init(
        id: UUID, key: String, partnershipID: UUID, disputeID: UUID?, reference: String?, personID: UUID,
        name: String, email: String?, kind: NoticeKind, disclosure: NoticeLetter.Disclosure, urgent: Bool,
        letter: NoticeLetter, status: OutboxStatus, error: String?, now: Date,
        attachment: OutboxMessage.Attachment? = nil
    ) {
        let timestamp = EventChain.timestamp(now)
        values = [
            id, key, partnershipID, disputeID, reference, personID, name, email, kind.rawValue, disclosure.rawValue,
            urgent, letter.subject, letter.text, letter.html, status.rawValue, 0, timestamp, error, timestamp,
            attachment?.filename, attachment?.contentType, attachment?.text,
        ]
    }

    /// Inserts in slices, keeping each statement's parameters within both databases' limits.
    static func insert(_ rows: [OutboxRow], _ db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        var inserted = 0
        var start = rows.startIndex
        while start < rows.endIndex {
            let slice = rows[start..<min(start + 500, rows.endIndex)]
            start = slice.endIndex
            var query = sql.insert(into: OutboxMessageModel.schema).columns(columns)
            for row in slice { query = query.values(row.values.map { SQLBind($0) }) }
            inserted += try await query.ignoringConflicts(with: ["dedupe_key"]).returning("id").all().count
        }
        return inserted
    }
}
