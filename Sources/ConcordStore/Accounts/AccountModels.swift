import FluentKit
import Foundation

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"
    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "partnership_id") var partnershipID: UUID?
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "created_at") var createdAt: String

    init() {}
}

final class WebSessionModel: Model, @unchecked Sendable {
    static let schema = "web_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: String
    @Field(key: "last_seen_at") var lastSeenAt: String
    @Field(key: "expires_at") var expiresAt: String

    init() {}
}

final class SignInFailureModel: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failed_at") var failedAt: String

    init() {}

    init(key: String, failedAt: String) {
        self.key = key
        self.failedAt = failedAt
    }
}

final class AccessLogModel: Model, @unchecked Sendable {
    static let schema = "dispute_access_log"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "account_name") var accountName: String
    @Field(key: "role") var role: String
    @Field(key: "action") var action: String
    @Field(key: "at") var at: String

    init() {}
}

final class FormSubmissionModel: Model, @unchecked Sendable {
    static let schema = "form_submissions"
    @ID(custom: "token", generatedBy: .user) var id: String?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "submitted_at") var submittedAt: String

    init() {}

    init(token: String, disputeID: UUID, accountID: UUID, submittedAt: String) {
        self.id = token
        self.disputeID = disputeID
        self.accountID = accountID
        self.submittedAt = submittedAt
    }
}

final class ServerKeyModel: Model, @unchecked Sendable {
    static let schema = "server_keys"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(name: String, value: String) {
        self.id = name
        self.value = value
    }
}
