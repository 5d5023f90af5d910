import FluentKit
import Foundation

final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"
    @ID(key: .id) var id: UUID?
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "partnership_id") var partnershipID: UUID
    @OptionalField(key: "dispute_id") var disputeID: UUID?
    @OptionalField(key: "reference") var reference: String?
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "recipient_name") var recipientName: String
    @OptionalField(key: "recipient_email") var recipientEmail: String?
    @Field(key: "kind") var kind: String
    @Field(key: "disclosure") var disclosure: String
    @Field(key: "urgent") var urgent: Bool
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @Field(key: "html_body") var htmlBody: String
    @OptionalField(key: "attachment_filename") var attachmentFilename: String?
    @OptionalField(key: "attachment_type") var attachmentType: String?
    @OptionalField(key: "attachment_text") var attachmentText: String?
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: String
    @OptionalField(key: "claimed_until") var claimedUntil: String?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: String
    @OptionalField(key: "sent_at") var sentAt: String?
    @OptionalField(key: "digest_id") var digestID: UUID?

    init() {}
}

final class SecureDomainModel: Model, @unchecked Sendable {
    static let schema = "partnership_secure_domains"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "domain") var domain: String

    init() {}

    init(partnershipID: UUID, domain: String) {
        self.partnershipID = partnershipID
        self.domain = domain
    }
}

final class MailPreferenceModel: Model, @unchecked Sendable {
    static let schema = "mail_preferences"
    @ID(custom: "person_id", generatedBy: .user) var id: UUID?
    @Field(key: "daily_digest") var dailyDigest: Bool

    init() {}

    init(person: UUID, dailyDigest: Bool) {
        self.id = person
        self.dailyDigest = dailyDigest
    }
}

final class DeadlineSweepModel: Model, @unchecked Sendable {
    static let schema = "deadline_sweeps"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "day") var day: String
    @Field(key: "swept_at") var sweptAt: String
    @Field(key: "notices") var notices: Int

    init() {}
}
