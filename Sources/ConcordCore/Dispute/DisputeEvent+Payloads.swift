extension DisputeEvent {
    public struct Raised: Codable, Hashable, Sendable {
        public var reference: String
        public var partnershipID: String
        public var partnership: String
        public var policyID: String
        /// The SHA-256 of the policy text the dispute runs under; a later policy version never
        /// changes a running dispute.
        public var policyVersion: String
        public var scope: Scope
        public var raisedBy: PersonRef
        public var otherAgencies: [AgencyRef]
        public var professionals: [PersonRef]
        public var children: [ChildRecord]
        /// What a strategic dispute is about, in place of a child.
        public var issue: String?
        public var category: DisputeCategory
        public var disagreement: String
        public var outcomeWanted: String
        public var significantHarm: Bool
        public var raisedOn: LocalDate
        public var overallDue: LocalDate?
        /// The day of the decision or disagreement, where the policy counts a timescale from it.
        public var decidedOn: LocalDate? = nil
    }

    /// The dispute enters a stage; its deadlines are fixed now and never recomputed.
    public struct StageEntered: Codable, Hashable, Sendable {
        public var stage: String
        public var startedOn: LocalDate
        /// Nil when neither the stage nor the policy sets a timescale.
        public var due: LocalDate?
        /// Set when this is the policy's acknowledgement stage.
        public var acknowledgementDue: LocalDate?
        /// Set here rather than when raised when the whole process is measured from receipt in
        /// writing, and this is where it is received.
        public var overallDue: LocalDate?
        /// Set when the stage's timescale is one to begin within: what recorded step meets it.
        public var metBy: Timescale.Milestone?
        /// A later stage's deadline already running when this stage has none of its own, as
        /// North East Lincolnshire's outcome "within 15 working days of the dispute being
        /// received" runs from receipt, before the partners' stage is entered.
        public var ahead: AheadDeadline?
        /// The route taken into the stage, when the stage offers routes and one was chosen.
        public var route: String?

        public init(stage: String, startedOn: LocalDate, due: LocalDate? = nil) {
            self.stage = stage
            self.startedOn = startedOn
            self.due = due
        }
    }

    public struct SignificantHarmReported: Codable, Hashable, Sendable {
        public var notify: [NotifyTarget]
        public var concern: String
    }

    public struct DiscussionRecorded: Codable, Hashable, Sendable {
        public var stage: String
        public var heldOn: LocalDate
        public var method: ContactMethod
        public var participants: [PersonRef]
        public var summary: String
        /// True when the protocol advises against this method at this stage.
        public var discouragedMethod: Bool
        /// The stage's deadline as this discussion sets it, when the stage's timescale counts
        /// from a discussion.
        public var stageDue: LocalDate?
    }

    /// The plan of action as now agreed; it replaces any earlier plan's open actions.
    public struct PlanAgreed: Codable, Hashable, Sendable {
        public var stage: String
        public var actions: [PlannedAction]
    }

    public struct ActionCompleted: Codable, Hashable, Sendable {
        public var actionID: String
        public var completedOn: LocalDate
        public var note: String?
    }

    public struct StageRecordsRecorded: Codable, Hashable, Sendable {
        public var stage: String
        public var records: StageRecords
    }

    public struct Escalated: Codable, Hashable, Sendable {
        public var from: String
        public var to: String
        public var reason: String
        public var evidence: String?
        /// True when the policy's risk rule let the dispute skip stages.
        public var becauseOfRisk: Bool
        public var people: [PersonRef]
    }

    public struct Acknowledged: Codable, Hashable, Sendable {
        public var stage: String
        public var acknowledgedOn: LocalDate
        public var note: String?
    }

    public struct Resolved: Codable, Hashable, Sendable {
        public var stage: String
        public var outcome: String
        public var agreedBy: [PersonRef]
        public var followUp: String?
    }

    public struct ReferredExternally: Codable, Hashable, Sendable {
        public var route: String
        public var reason: String
        /// The partner the safeguarding partners agreed acts for all of them, where the route
        /// needs one.
        public var actingPartner: String?
    }

    public struct Withdrawn: Codable, Hashable, Sendable {
        public var reason: String
    }

    public struct Closed: Codable, Hashable, Sendable {
        /// Whether a review (e.g. a multi-agency review) will be held; asked when the dispute
        /// reached a stage whose policy says to consider one.
        public var reviewHeld: Bool?
        public var note: String?
    }
}

/// What a stage's participants wrote down: the records a policy requires before leaving it.
public struct StageRecords: Codable, Hashable, Sendable {
    public var actionsTaken: String?
    public var outcome: String?
    /// The answer to "has any learning been identified?" and, when yes, what.
    public var learningIdentified: Bool?
    public var learning: String?
    public var effortsExhausted: String?
    /// Sunderland's "the line manager should review the concern to ensure it is justified".
    public var concernReview: String?
    /// Sunderland's statutory partners' decision on "the intervention required".
    public var interventionDecision: String?
    /// North East Lincolnshire's "most appropriate partner, who will act on behalf of … all three".
    public var leadPartner: String?
    /// Where the dispute is "formally recorded within the SCP board minutes".
    public var boardMinute: BoardMinute?
    /// The records the policy names in its own words, by their id.
    public var custom: [String: String]?

    public init(
        actionsTaken: String? = nil, outcome: String? = nil, learningIdentified: Bool? = nil, learning: String? = nil,
        effortsExhausted: String? = nil, concernReview: String? = nil, interventionDecision: String? = nil,
        leadPartner: String? = nil, boardMinute: BoardMinute? = nil, custom: [String: String]? = nil
    ) {
        self.custom = custom?.isEmpty == true ? nil : custom
        self.actionsTaken = actionsTaken
        self.outcome = outcome
        self.learningIdentified = learningIdentified
        self.learning = learning
        self.effortsExhausted = effortsExhausted
        self.concernReview = concernReview
        self.interventionDecision = interventionDecision
        self.leadPartner = leadPartner
        self.boardMinute = boardMinute
    }

    /// Later answers fill in or replace earlier ones; the engine never passes an empty answer,
    /// so nothing written is blanked.
    func merged(with newer: StageRecords) -> StageRecords {
        StageRecords(
            actionsTaken: newer.actionsTaken ?? actionsTaken, outcome: newer.outcome ?? outcome,
            learningIdentified: newer.learningIdentified ?? learningIdentified, learning: newer.learning ?? learning,
            effortsExhausted: newer.effortsExhausted ?? effortsExhausted,
            concernReview: newer.concernReview ?? concernReview,
            interventionDecision: newer.interventionDecision ?? interventionDecision,
            leadPartner: newer.leadPartner ?? leadPartner, boardMinute: newer.boardMinute ?? boardMinute,
            custom: (custom ?? [:]).merging(newer.custom ?? [:]) { $1 })
    }
}
