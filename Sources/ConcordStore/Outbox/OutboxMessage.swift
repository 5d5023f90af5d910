import ConcordCore
import Foundation

/// Where a queued message stands.
public enum OutboxStatus: String, CaseIterable, Codable, Sendable {
    /// Waiting for the recipient's daily digest.
    case held
    case pending
    /// Claimed by a delivery worker; if the worker dies, the claim lapses and it is sent again
    /// (docs/operating.md says why).
    case sending
    case sent
    /// Given up on after the last retry, or refused outright; the business office can resend it.
    case failed
    /// Sent as part of a daily digest.
    case digested
}

/// One message to one recipient, as queued.
public struct OutboxMessage: Hashable, Sendable {
    public struct Attachment: Hashable, Sendable {
        public var filename: String
        public var contentType: String
        public var text: String
    }

    public var id: UUID
    public var partnershipID: UUID
    public var disputeID: UUID?
    public var reference: String?
    public var personID: UUID?
    public var recipientName: String
    public var recipientEmail: String?
    public var kind: NoticeKind
    public var disclosure: NoticeLetter.Disclosure
    public var urgent: Bool
    public var subject: String
    public var text: String
    public var html: String
    public var attachment: Attachment?
    public var status: OutboxStatus
    /// How many times delivery was tried.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// The claim as stored, which only the worker holding it knows: it renews or releases the
    /// message only while the claim is still this one.
    var claim: String?

    init(_ model: OutboxMessageModel) throws {
        id = try model.requireID()
        partnershipID = model.partnershipID
        disputeID = model.disputeID
        reference = model.reference
        personID = model.personID
        recipientName = model.recipientName
        recipientEmail = model.recipientEmail
        kind = NoticeKind(rawValue: model.kind) ?? .confirmation
        disclosure = NoticeLetter.Disclosure(rawValue: model.disclosure) ?? .withoutChildDetails
        urgent = model.urgent
        subject = model.subject
        text = model.textBody
        html = model.htmlBody
        if let filename = model.attachmentFilename, let type = model.attachmentType, let text = model.attachmentText {
            attachment = Attachment(filename: filename, contentType: type, text: text)
        }
        status = OutboxStatus(rawValue: model.status) ?? .failed
        attempts = model.attempts
        nextAttemptAt = EventChain.date(model.nextAttemptAt) ?? .distantPast
        lastError = model.lastError
        createdAt = EventChain.date(model.createdAt) ?? .distantPast
        sentAt = model.sentAt.flatMap(EventChain.date)
        claim = model.claimedUntil
    }
}
