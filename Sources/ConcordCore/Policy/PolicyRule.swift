/// A rule that holds across a policy's stages and that Concord enforces, not just displays.
public struct PolicyRule: Hashable, Sendable, Encodable {
    public enum Kind: Hashable, Sendable {
        /// Go straight to a named stage when risk to the child escalates.
        case riskEscalation(to: String)
        /// Tell these people at once when a child may be suffering significant harm.
        case significantHarmNotification(notify: [NotifyTarget])
        /// Someone in this capacity must take part before the dispute leaves each of the
        /// stages, when the condition holds (always, when there is none).
        case requiredParticipant(Capacity, when: Condition?, beforeLeaving: [String])
        /// When a dispute reaches the stage, ask whether a review will be held.
        case reviewConsideration(stage: String, review: String)
        /// When the condition holds, the stage's meeting involves someone in this capacity:
        /// they are invited, and minutes that do not show them present stop the dispute
        /// escalating past that meeting. A dispute settled without a meeting needs no one.
        case meetingParticipant(Capacity, when: Condition?, stage: String)
    }

    public var kind: Kind
    public var quote: String?

    public var kindName: String {
        switch kind {
        case .riskEscalation: "risk-escalation"
        case .significantHarmNotification: "significant-harm-notification"
        case .requiredParticipant: "required-participant"
        case .reviewConsideration: "review-consideration"
        case .meetingParticipant: "meeting-participant"
        }
    }

    /// The stages a rule names, with the key that names each, so that a policy can be checked
    /// for rules pointing nowhere.
    public var stageReferences: [(key: String, stage: String)] {
        switch kind {
        case .riskEscalation(let to): [("to", to)]
        case .significantHarmNotification: []
        case .requiredParticipant(_, _, let stages): stages.map { ("before_leaving", $0) }
        case .reviewConsideration(let stage, _): [("stage", stage)]
        case .meetingParticipant(_, _, let stage): [("stage", stage)]
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, to, notify, participant, when, beforeLeaving, stage, review, quote
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kindName, forKey: .kind)
        switch kind {
        case .riskEscalation(let to):
            try container.encode(to, forKey: .to)
        case .significantHarmNotification(let notify):
            try container.encode(notify, forKey: .notify)
        case .requiredParticipant(let capacity, let condition, let stage):
            try container.encode(capacity, forKey: .participant)
            try container.encodeIfPresent(condition, forKey: .when)
            try container.encode(stage, forKey: .beforeLeaving)
        case .reviewConsideration(let stage, let review):
            try container.encode(stage, forKey: .stage)
            try container.encode(review, forKey: .review)
        case .meetingParticipant(let capacity, let condition, let stage):
            try container.encode(capacity, forKey: .participant)
            try container.encodeIfPresent(condition, forKey: .when)
            try container.encode(stage, forKey: .stage)
        }
        try container.encodeIfPresent(quote, forKey: .quote)
    }
}

/// When a rule applies: any of the child flags, and any of the categories, where given.
public struct Condition: Hashable, Sendable, Encodable {
    public var child: [ChildFlag]
    public var category: [DisputeCategory]

    public func holds(flags: Set<ChildFlag>, category disputeCategory: DisputeCategory) -> Bool {
        (child.isEmpty || child.contains { flags.contains($0) })
            && (category.isEmpty || category.contains(disputeCategory))
    }
}
