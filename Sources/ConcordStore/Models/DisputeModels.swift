import ConcordCore
import FluentKit
import Foundation

/// A row of the dispute list projection.
final class DisputeModel: Model, @unchecked Sendable {
    static let schema = "disputes"
    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "policy_id") var policyID: String
    @Field(key: "policy_version") var policyVersion: String
    @Field(key: "scope") var scope: String
    @Field(key: "category") var category: String
    @Field(key: "status") var status: String
    @Field(key: "current_stage") var currentStage: String
    @Field(key: "stage_started_on") var stageStartedOn: String
    @OptionalField(key: "stage_due") var stageDue: String?
    @OptionalField(key: "acknowledgement_due") var acknowledgementDue: String?
    @OptionalField(key: "acknowledged_on") var acknowledgedOn: String?
    @OptionalField(key: "overall_due") var overallDue: String?
    @Field(key: "raised_on") var raisedOn: String
    @Field(key: "raised_by_id") var raisedByID: String
    @Field(key: "significant_harm") var significantHarm: Bool
    @Field(key: "version") var version: Int
    @Field(key: "last_event_at") var lastEventAt: String
    @Field(key: "next_due") var nextDue: String
    @OptionalField(key: "raising_agency_id") var raisingAgencyID: String?
    @OptionalField(key: "ended_how") var endedHow: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "referral_route") var referralRoute: String?
    @OptionalField(key: "acknowledgement_from") var acknowledgementFrom: String?
    @OptionalField(key: "overall_from") var overallFrom: String?

    init() {}
}

/// One visit to a stage, for the partnership's timeliness figures.
final class DisputeStageVisitModel: Model, @unchecked Sendable {
    static let schema = "dispute_stage_visits"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "stage") var stage: String
    @Field(key: "entered_on") var enteredOn: String
    @OptionalField(key: "finished_on") var finishedOn: String?
    @OptionalField(key: "deadline") var deadline: String?

    init() {}

    init(disputeID: UUID, _ outcome: StageOutcome) {
        self.disputeID = disputeID
        self.position = outcome.position
        self.stage = outcome.stage
        self.enteredOn = outcome.enteredOn.iso
        self.finishedOn = outcome.finishedOn?.iso
        self.deadline = outcome.deadline?.iso
    }
}

final class DisputePersonModel: Model, @unchecked Sendable {
    static let schema = "dispute_people"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "person_id") var personID: String
    @Field(key: "side") var side: String
    @OptionalField(key: "capacity") var capacity: String?

    init() {}

    init(disputeID: UUID, personID: String, side: String, capacity: String?) {
        self.disputeID = disputeID
        self.personID = personID
        self.side = side
        self.capacity = capacity
    }
}

/// What someone must still do by a date on an open dispute: open plan actions, agreed
/// responses and a stage's further clocks, projected so the deadline sweep and My work find them by date and by person.
final class DisputeActionModel: Model, @unchecked Sendable {
    static let schema = "dispute_actions"
    @ID(key: .id) var id: UUID?
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "action_id") var actionID: String
    @Field(key: "kind") var kind: String
    @Field(key: "action") var action: String
    @Field(key: "owner_id") var ownerID: String
    /// The whole `PersonRef` as JSON, as the events hold it.
    @Field(key: "owner") var owner: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "indicative") var indicative: Bool

    init() {}

    /// Sorted keys, so a rebuild writes the same text.
    private static let ownerEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    init(disputeID: UUID, _ watched: WatchedAction) {
        self.disputeID = disputeID
        self.actionID = watched.id
        self.kind = watched.kind.rawValue
        self.action = watched.action
        self.ownerID = watched.owner.id
        self.owner = String(decoding: (try? Self.ownerEncoder.encode(watched.owner)) ?? Data(), as: UTF8.self)
        self.dueOn = watched.due.iso
        self.indicative = watched.indicative
    }
}
