extension DisputeEvent {
    /// The answer, asked when a dispute reaches the stage, to whether the review the policy
    /// names will be held.
    public struct ReviewConsidered: Codable, Hashable, Sendable {
        public var stage: String
        public var review: String
        public var willHold: Bool
        public var note: String?
    }

    /// The review itself: Coventry's multi-agency review "to learn lessons and develop policy".
    public struct ReviewRecorded: Codable, Hashable, Sendable {
        public var review: String
        public var heldOn: LocalDate
        public var participants: [PersonRef]
        public var lessons: String
        public var policyChanges: String?
    }
}

/// What a review found, as recorded.
public struct ReviewRecord: Hashable, Sendable {
    public var heldOn: LocalDate
    public var participants: [PersonRef]
    public var lessons: String
    public var policyChanges: String?

    public init(heldOn: LocalDate, participants: [PersonRef], lessons: String, policyChanges: String?) {
        self.heldOn = heldOn
        self.participants = participants
        self.lessons = lessons
        self.policyChanges = policyChanges
    }
}
