import ConcordCore
import FluentKit
import Foundation

/// One learning point of a dispute, projected from its events.
final class DisputeLearningModel: Model, @unchecked Sendable {
    static let schema = "dispute_learning"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "point_key") var pointKey: String
    @Field(key: "source") var source: String
    @OptionalField(key: "stage") var stage: String?
    @Field(key: "recorded_on") var recordedOn: String
    @Field(key: "text") var text: String
    @OptionalField(key: "policy_changes") var policyChanges: String?

    init() {}

    init(disputeID: UUID, partnershipID: UUID, _ point: LearningPoint) {
        self.disputeID = disputeID
        self.partnershipID = partnershipID
        self.pointKey = point.key
        self.source = point.source.rawValue
        self.stage = point.stage
        self.recordedOn = point.recordedOn.iso
        self.text = point.text
        self.policyChanges = point.policyChanges
    }
}

extension DisputeLearningModel: BulkRow {
    static let columns = [
        "id", "dispute_id", "partnership_id", "point_key", "source", "stage", "recorded_on", "text", "policy_changes",
    ]
    var values: [any Encodable & Sendable] {
        [id ?? UUID(), disputeID, partnershipID, pointKey, source, stage, recordedOn, text, policyChanges]
    }
}

final class LearningThemeModel: Model, @unchecked Sendable {
    static let schema = "learning_themes"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "title") var title: String
    @Field(key: "retired") var retired: Bool
    @Field(key: "created_at") var createdAt: String

    init() {}

    init(partnershipID: UUID, title: String, createdAt: String) {
        self.partnershipID = partnershipID
        self.title = title
        self.retired = false
        self.createdAt = createdAt
    }

    var theme: LearningTheme { LearningTheme(id: id ?? UUID(), title: title, retired: retired) }
}

final class LearningTagModel: Model, @unchecked Sendable {
    static let schema = "learning_tags"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "point_key") var pointKey: String
    @Field(key: "theme_id") var themeID: UUID

    init() {}

    init(disputeID: UUID, pointKey: String, themeID: UUID) {
        self.disputeID = disputeID
        self.pointKey = pointKey
        self.themeID = themeID
    }
}

final class LearningActionModel: Model, @unchecked Sendable {
    static let schema = "learning_actions"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "theme_id") var themeID: UUID
    @Field(key: "action") var action: String
    @Field(key: "owner") var owner: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "created_on") var createdOn: String

    init() {}

    func action(themeTitle: String) -> LearningAction? {
        guard let id, let due = LocalDate(iso: dueOn), let created = LocalDate(iso: createdOn) else { return nil }
        return LearningAction(
            id: id, themeID: themeID, themeTitle: themeTitle, action: action, owner: owner, dueOn: due,
            completedOn: completedOn.flatMap(LocalDate.init(iso:)), outcome: outcome, createdOn: created)
    }
}

final class LearningHistoryModel: Model, @unchecked Sendable {
    static let schema = "learning_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @OptionalField(key: "theme_id") var themeID: UUID?
    @OptionalField(key: "action_id") var actionID: UUID?
    @OptionalField(key: "dispute_id") var disputeID: UUID?
    @OptionalField(key: "point_key") var pointKey: String?
    @Field(key: "change") var change: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "account_name") var accountName: String
    @Field(key: "recorded_at") var recordedAt: String

    init() {}

    init(partnershipID: UUID, change: String, by account: Account, at time: Date) {
        self.partnershipID = partnershipID
        self.change = change
        self.accountID = account.id
        self.accountName = account.name
        self.recordedAt = EventChain.timestamp(time)
    }
}
