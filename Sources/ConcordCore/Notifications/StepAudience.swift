/// Who a step concerns, so that a message reaches them and nobody else: the people taking part
/// at the stage it happens at, those the step names, and the levels of management the policy
/// copies confirmations to. docs/mail.md lists the choice for each kind of step.
struct StepAudience {
    var policy: Policy
    var state: DisputeState

    /// Those who joined at the stage or were named when the dispute moved to it, took part in
    /// its discussions, were invited to its meetings or attended them.
    func atStage(_ stage: String) -> [PersonRef] {
        var people = state.participants.filter { $0.stage == stage }.map(\.person)
        people += state.escalations.filter { $0.to == stage }.flatMap(\.people)
        for visit in state.stages where visit.stage == stage {
            people += visit.discussions.flatMap(\.participants)
            people += visit.meetings.flatMap { [$0.organiser] + $0.invited }
            people += visit.minutes.flatMap(\.minutes.attendees)
        }
        return people
    }

    /// Participants at the levels whose people the policy says get every confirmation.
    var copied: [PersonRef] {
        let levels = Set(policy.confirmations?.copyTo ?? [])
        return state.participants.map(\.person).filter { levels.contains($0.level) }
    }

    /// A written confirmation at `stage`: its people, anyone the record names, and the copies.
    func confirmation(at stage: String, naming named: [PersonRef] = []) -> Audience {
        people(atStage(stage) + named + copied)
    }

    /// A move into the current stage: the people joining it and those of the stage it leaves,
    /// who hand it on.
    func stageEntered(joining: [PersonRef]) -> Audience {
        let left = state.stages.dropLast().last.map { atStage($0.stage) } ?? []
        return people(joining + atStage(state.currentStage.stage) + left + copied)
    }

    /// How the dispute ended concerns everyone who took part in it, at any stage, so that every
    /// agency's own record holds it.
    var everyone: Audience { people(state.participants.map(\.person)) }

    /// Each person once, in the order first met.
    func people(_ refs: [PersonRef]) -> Audience {
        var seen: Set<String> = []
        return .people(refs.filter { seen.insert($0.id).inserted })
    }
}
