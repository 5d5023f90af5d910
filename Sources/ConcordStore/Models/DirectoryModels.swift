import FluentKit
import Foundation

final class PartnershipModel: Model, @unchecked Sendable {
    static let schema = "partnerships"
    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "region") var region: String

    init() {}

    init(id: UUID? = nil, slug: String, name: String, region: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.region = region
    }
}

final class ClosureDayModel: Model, @unchecked Sendable {
    static let schema = "partnership_closure_days"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "day") var day: String

    init() {}

    init(partnershipID: UUID, day: String) {
        self.partnershipID = partnershipID
        self.day = day
    }
}

final class AgencyModel: Model, @unchecked Sendable {
    static let schema = "agencies"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "type") var type: String

    init() {}

    init(id: UUID? = nil, name: String, type: String) {
        self.id = id
        self.name = name
        self.type = type
    }
}

final class PartnershipAgencyModel: Model, @unchecked Sendable {
    static let schema = "partnership_agencies"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "agency_id") var agencyID: UUID

    init() {}

    init(partnershipID: UUID, agencyID: UUID) {
        self.partnershipID = partnershipID
        self.agencyID = agencyID
    }
}

final class PersonModel: Model, @unchecked Sendable {
    static let schema = "people"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "level") var level: String
    @OptionalField(key: "line_manager_id") var lineManagerID: UUID?
    @Field(key: "designated_lead") var designatedLead: Bool
    @Field(key: "independent_reviewing_officer") var reviewingOfficer: Bool
    @Field(key: "early_help_professional") var earlyHelp: Bool

    init() {}

    init(
        id: UUID? = nil, name: String, email: String?, agencyID: UUID, level: String, lineManagerID: UUID?,
        designatedLead: Bool = false
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.agencyID = agencyID
        self.level = level
        self.lineManagerID = lineManagerID
        self.designatedLead = designatedLead
        self.reviewingOfficer = false
        self.earlyHelp = false
    }
}

final class PolicyVersionModel: Model, @unchecked Sendable {
    static let schema = "policy_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "policy_id") var policyID: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "yaml") var yaml: String
    @Field(key: "created_at") var createdAt: String

    init() {}

    init(partnershipID: UUID, policyID: String, sha256: String, yaml: String, createdAt: String) {
        self.partnershipID = partnershipID
        self.policyID = policyID
        self.sha256 = sha256
        self.yaml = yaml
        self.createdAt = createdAt
    }
}

final class PolicyReinstatementModel: Model, @unchecked Sendable {
    static let schema = "policy_reinstatements"
    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "sha256") var sha256: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "account_name") var accountName: String
    @Field(key: "reinstated_at") var reinstatedAt: String

    init() {}

    init(partnershipID: UUID, sha256: String, accountID: UUID, accountName: String, reinstatedAt: String) {
        self.partnershipID = partnershipID
        self.sha256 = sha256
        self.accountID = accountID
        self.accountName = accountName
        self.reinstatedAt = reinstatedAt
    }
}
