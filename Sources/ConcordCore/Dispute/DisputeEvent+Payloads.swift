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

    public init(
        actionsTaken: String? = nil, outcome: String? = nil, learningIdentified: Bool? = nil, learning: String? = nil,
        effortsExhausted: String? = nil
    ) {
        self.actionsTaken = actionsTaken
        self.outcome = outcome
        self.learningIdentified = learningIdentified
        self.learning = learning
        self.effortsExhausted = effortsExhausted
    }

    /// Later answers fill in or replace earlier ones; the engine never passes an empty answer,
    /// so nothing written is blanked.
    func merged(with newer: StageRecords) -> StageRecords {
        StageRecords(
            actionsTaken: newer.actionsTaken ?? actionsTaken, outcome: newer.outcome ?? outcome,
            learningIdentified: newer.learningIdentified ?? learningIdentified, learning: newer.learning ?? learning,
            effortsExhausted: newer.effortsExhausted ?? effortsExhausted)
    }
}
