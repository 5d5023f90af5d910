extension DisputeState.StageVisit {
    /// What the deadline in force at this visit is for, in words people read on the page and in
    /// reminders, when it is not simply the stage's own: a clock to begin, an agreed timescale,
    /// the next discussion in a chain, or a later stage's deadline already running.
    public func deadlineName(in policy: Policy) -> String? {
        let timescale = policy.effectiveTimescale(at: self)
        if let ahead, due == ahead.due, timescale == nil {
            return "\(policy.stage(ahead.stage)?.title ?? ahead.stage) is due"
        }
        if agreedTimescale != nil { return "The timescale agreed for this stage ends" }
        if let timescale, timescale.kind == .beginWithin, metOn == nil {
            switch timescale.metBy {
            case .meetingOffered:
                return "The \(policy.stage(stage)?.meeting?.name.lowercased() ?? "meeting") must be offered by"
            case .lineManagerInvolved: return "A line manager must be involved by"
            case .firstContact, nil: return "First contact must be made by"
            }
        }
        if timescale?.from == .latestDiscussion, !discussions.isEmpty { return "The next discussion is due" }
        return nil
    }
}

extension DisputeState.StageVisit {
    /// Whether a record the stage asks for has been written at this visit.
    public func hasRecord(_ kind: RecordKind) -> Bool {
        switch kind {
        case .actionsTaken: records.actionsTaken != nil
        case .outcome: records.outcome != nil
        case .learningIdentified: records.learningIdentified != nil
        case .effortsExhausted: records.effortsExhausted != nil
        case .agreedPlan: planAgreed
        case .concernReviewed: records.concernReview != nil
        case .interventionDecision: records.interventionDecision != nil
        case .leadPartner: records.leadPartner != nil
        case .boardMinute: records.boardMinute != nil
        }
    }
}
