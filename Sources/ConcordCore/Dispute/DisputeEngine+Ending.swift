extension DisputeEngine {
    /// Resolution needs both sides' agreement, the stage's records, and a follow-up for any
    /// action still open, as Sunderland's "written confirmation … about agreed resolutions and
    /// the proposed follow up of any outstanding issues" asks.
    func resolve(
        _ state: DisputeState, outcome: String, agreedBy: [PersonRef], followUp: String?
    )
        throws(DisputeError) -> [DisputeEvent]
    {
        let outcome = try required(outcome, "the agreed outcome")
        let raising = state.raised.raisedBy.agency.id
        let others = Set(state.raised.otherAgencies.map(\.id))
        guard agreedBy.contains(where: { $0.agency.id == raising }),
            agreedBy.contains(where: { others.contains($0.agency.id) })
        else { throw .agreementRequired }
        try requireRecords(state, supplied: [.outcome, .effortsExhausted])
        try checkRequiredParticipants(state)
        let followUp = followUp?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if !state.openActions.isEmpty && followUp == nil {
            throw .followUpRequired(openActions: state.openActions.count)
        }
        return [
            .resolved(.init(stage: state.currentStage.stage, outcome: outcome, agreedBy: agreedBy, followUp: followUp))
        ]
    }

    func referExternally(
        _ state: DisputeState, route: String, reason: String, actingPartner: String?
    ) throws(DisputeError) -> [DisputeEvent] {
        let routes = policy.referralRoutes.map(\.id)
        guard let chosen = policy.externalRoutes.first(where: { $0.id == route }) else {
            throw .unknownRoute(route, routes: routes)
        }
        guard chosen.kind != .secretaryOfState else { throw .notAReferralRoute(chosen.name) }
        let actingPartner = actingPartner?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if chosen.actingPartner, actingPartner == nil { throw .actingPartnerRequired(route: chosen.name) }
        let index = try currentIndex(state)
        guard index == policy.stages.count - 1 else { throw .notLastStage(stage: policy.stages[index].id) }
        let reason = try required(reason, "the reason for referring")
        try requireRecords(state, supplied: [.effortsExhausted])
        try checkRequiredParticipants(state)
        try checkMeetingParticipants(state)
        return [
            .referredExternally(
                .init(route: route, reason: reason, actingPartner: chosen.actingPartner ? actingPartner : nil))
        ]
    }

    /// A dispute that reached a stage whose policy says to consider a review must say whether
    /// one will be held (Coventry stage 4's multi-agency review).
    func close(_ state: DisputeState, reviewHeld: Bool?, note: String?) throws(DisputeError) -> [DisputeEvent] {
        guard state.status != .open else { throw .stillOpen }
        let visited = Set(state.stages.map(\.stage))
        let decided = Set(state.reviewDecisions.map(\.stage))
        for rule in policy.rules {
            if case .reviewConsideration(let stage, let review) = rule.kind, visited.contains(stage),
                !decided.contains(stage), reviewHeld == nil
            {
                throw .reviewDecisionRequired(review: review)
            }
        }
        return [.closed(.init(reviewHeld: reviewHeld, note: note?.trimmingCharacters(in: .whitespacesAndNewlines)))]
    }
}
