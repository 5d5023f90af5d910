/// Everything needed to raise a dispute under a partnership's policy.
public struct RaiseDispute: Hashable, Sendable {
    /// Assigned by the store when the dispute is saved.
    public var reference: String
    public var partnershipID: String
    public var raisedBy: PersonRef
    public var otherAgencies: [AgencyRef]
    /// The named professionals in the other agency or agencies.
    public var professionals: [PersonRef]
    public var children: [ChildRecord]
    /// For `strategic` policies: what the disagreement between partner agencies is about.
    public var issue: String?
    public var category: DisputeCategory
    public var disagreement: String
    public var outcomeWanted: String
    /// Whether a child may be suffering, or be at risk of suffering, significant harm.
    public var significantHarm: Bool
    /// One of the first stage's routes, where it offers them; nil for its own timescale.
    public var route: String?
    /// The day of the decision or disagreement, where the policy counts from it.
    public var decidedOn: LocalDate?

    public init(
        reference: String = "", partnershipID: String = "", raisedBy: PersonRef, otherAgencies: [AgencyRef],
        professionals: [PersonRef],
        children: [ChildRecord], issue: String? = nil, category: DisputeCategory, disagreement: String,
        outcomeWanted: String, significantHarm: Bool, route: String? = nil, decidedOn: LocalDate? = nil
    ) {
        self.route = route
        self.decidedOn = decidedOn
        self.reference = reference
        self.partnershipID = partnershipID
        self.raisedBy = raisedBy
        self.otherAgencies = otherAgencies
        self.professionals = professionals
        self.children = children
        self.issue = issue
        self.category = category
        self.disagreement = disagreement
        self.outcomeWanted = outcomeWanted
        self.significantHarm = significantHarm
    }
}

/// What someone can do to a dispute once it is raised.
public enum DisputeCommand: Hashable, Sendable {
    case recordDiscussion(heldOn: LocalDate, method: ContactMethod, participants: [PersonRef], summary: String)
    /// Agrees the plan of action; actions already completed are kept.
    case agreePlan([PlannedAction])
    case completeAction(id: String, note: String?)
    case addParticipant(PersonRef, capacity: Capacity?)
    case recordStageRecords(StageRecords)
    /// `route`: one of the next stage's routes, where it offers them; nil for its own timescale.
    case escalate(reason: String, evidence: String?, people: [PersonRef], route: String? = nil)
    case escalateForRisk(reason: String, people: [PersonRef])
    case reportSignificantHarm(concern: String)
    case acknowledge(note: String?)
    case resolve(outcome: String, agreedBy: [PersonRef], followUp: String?)
    case referExternally(route: String, reason: String, actingPartner: String? = nil)
    case withdraw(reason: String)
    case close(reviewHeld: Bool?, note: String?)
    /// Arranges the current stage's meeting, or rearranges the one not yet minuted.
    case scheduleMeeting(ScheduleMeeting)
    case recordMinutes(MeetingMinutes)
    /// The people at the stage agree their own timescale within the protocol's maximum.
    case agreeTimescale(workingDays: Int, reason: String, agreedBy: [PersonRef], response: ResponseRequest? = nil)
    /// Whether the review the policy asks about at this stage will be held.
    case considerReview(willHold: Bool, note: String?)
    case recordReview(ReviewRecord)
    /// Tells the actor's line manager at once that the disagreement is not resolved at a stage
    /// whose policy says so.
    case notifyLineManager(reason: String)
    /// Records that the letter a letter-within clock asks for was sent.
    case recordLetter(clock: String, sentOn: LocalDate, to: String, summary: String?)
}

/// Who else is to respond, and within how many working days of the day it is agreed.
public struct ResponseRequest: Hashable, Sendable {
    public var from: PersonRef
    public var workingDays: Int

    public init(from: PersonRef, workingDays: Int) {
        self.from = from
        self.workingDays = workingDays
    }
}
