import FluentKit
import Foundation

final class PolicyDraftModel: Model, @unchecked Sendable {
    static let schema = "policy_drafts"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "yaml") var yaml: String
    @Field(key: "source") var source: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: String

    init() {}

    init(partnershipID: UUID, yaml: String, source: String, updatedBy: String, updatedAt: String) {
        self.partnershipID = partnershipID
        self.yaml = yaml
        self.source = source
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}
