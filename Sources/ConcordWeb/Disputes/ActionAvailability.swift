import ConcordCore
import ConcordStore

/// The steps a person may take on a dispute now: those their relation to it allows, and that
/// the policy and the dispute's state make possible. The engine still checks every rule when
/// the step is taken; this only keeps impossible buttons off the page.
enum ActionAvailability {
    static func actions(for dispute: VisibleDispute, person: Directory.Person?) -> [DisputeAction] {
        guard dispute.mayAct else { return [] }
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        switch state.status {
        case .closed: return []
        case .resolved, .referred, .withdrawn: return reviewActions(state, policy: policy) + [.close]
        case .open: break
        }
        let index = policy.stageIndex(state.currentStage.stage) ?? 0
        var actions: [DisputeAction] = [.recordDiscussion]
        if policy.stages[index].meeting != nil { actions += [.scheduleMeeting, .recordMinutes] }
        actions.append(.agreePlan)
        if !state.openActions.isEmpty { actions.append(.completeAction) }
        actions += [.addParticipant, .recordStageRecords]
        if policy.effectiveTimescale(at: state.currentStage)?.agreed == true { actions.append(.agreeTimescale) }
        actions += reviewActions(state, policy: policy)
        if index + 1 < policy.stages.count { actions.append(.escalate) }
        if let risk = policy.riskStage, let riskIndex = policy.stageIndex(risk), index < riskIndex {
            actions.append(.escalateForRisk)
        }
        if policy.stages[index].notifyLineManagerIfUnresolved != nil { actions.append(.notifyLineManager) }
        if !state.currentStage.lettersDue.isEmpty { actions.append(.recordLetter) }
        actions.append(.reportSignificantHarm)
        if let acknowledgement = policy.acknowledgement, state.acknowledged == nil,
            state.stages.contains(where: { $0.stage == acknowledgement.stage }),
            mayAcknowledge(person, state: state, policy: policy, stage: acknowledgement.stage)
        {
            actions.append(.acknowledge)
        }
        actions.append(.resolve)
        let routes = policy.referralRoutes.filter { route in
            route.takenBy.isEmpty || person.map { route.takenBy.contains($0.level) } == true
        }
        if index == policy.stages.count - 1, !routes.isEmpty { actions.append(.referOnward) }
        // Withdrawing is the raising agency's decision.
        if person?.agency.id == state.raised.raisedBy.agency.id { actions.append(.withdraw) }
        return actions
    }

    /// The review a policy asks about at a stage: decided once reached, recorded once held.
    private static func reviewActions(_ state: DisputeState, policy: Policy) -> [DisputeAction] {
        if state.status == .open, policy.review(at: state.currentStage.stage) != nil,
            !state.reviewDecisions.contains(where: { $0.stage == state.currentStage.stage })
        {
            return [.considerReview]
        }
        if state.reviewDecisions.contains(where: \.willHold), state.reviews.isEmpty { return [.recordReview] }
        return []
    }

    /// Acknowledging receipt is for those receiving the dispute: the sides the protocol names at
    /// the acknowledgement stage other than the raiser's (North East Lincolnshire's chair and SCB
    /// Manager, for the partnership), or else the other agency. Never the raising agency itself.
    static func mayAcknowledge(
        _ person: Directory.Person?, state: DisputeState, policy: Policy, stage: String
    ) -> Bool {
        let named = Set(policy.stage(stage)?.participants.map(\.side) ?? []).subtracting([.raising, .both])
        let receivers: Set<Side> = named.isEmpty ? [.receiving] : named
        // An account with no person in the directory acts for the partnership.
        let side = person?.ref.side(raisingAgency: state.raised.raisedBy.agency.id) ?? .partnership
        return receivers.contains(side)
    }
}
