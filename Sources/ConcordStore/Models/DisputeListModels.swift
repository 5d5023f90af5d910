import FluentKit
import Foundation

/// Every agency a dispute is between, so lists filter by agency in SQL.
final class DisputeAgencyModel: Model, @unchecked Sendable {
    static let schema = "dispute_agencies"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "agency_id") var agencyID: String

    init() {}

    init(disputeID: UUID, agencyID: String) {
        self.disputeID = disputeID
        self.agencyID = agencyID
    }
}

/// A word a dispute can be found by: its reference, a child's name, an agency's case
/// reference. Folded so that an index answers a prefix search, see `SearchTerms`.
final class DisputeSearchTermModel: Model, @unchecked Sendable {
    static let schema = "dispute_search_terms"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "term") var term: String

    init() {}

    init(disputeID: UUID, term: String) {
        self.disputeID = disputeID
        self.term = term
    }
}

/// Everyone above each person in line management, one row per pair, so "the disputes of the
/// people I manage" is one indexed query instead of a walk over the whole directory.
final class LineManagementModel: Model, @unchecked Sendable {
    static let schema = "line_management"
    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: String
    @Field(key: "manager_id") var managerID: String

    init() {}

    init(personID: String, managerID: String) {
        self.personID = personID
        self.managerID = managerID
    }
}
