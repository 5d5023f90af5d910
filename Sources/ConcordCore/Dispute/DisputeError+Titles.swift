extension DisputeError {
    /// The refusal as people read it: each stage by its title in the protocol, and each external
    /// route by its name, instead of the ids the policy file uses.
    public func description(in policy: Policy) -> String {
        func stage(_ id: String) -> String { policy.stage(id).map { "“\($0.title)”" } ?? id }
        func routes(_ ids: [String]) -> [String] {
            ids.map { id in policy.externalRoutes.first { $0.id == id }?.name ?? id }
        }
        let named: DisputeError =
            switch self {
            case .lastStage(let id, let ids): .lastStage(stage: stage(id), routes: routes(ids))
            case .notLastStage(let id): .notLastStage(stage: stage(id))
            case .recordsMissing(let id, let missing): .recordsMissing(stage: stage(id), missing: missing)
            case .participantRequired(let capacity, let id): .participantRequired(capacity, stage: stage(id))
            case .meetingRequired(let meeting, let id): .meetingRequired(meeting, stage: stage(id))
            case .alreadyPastRiskStage(let id): .alreadyPastRiskStage(stage(id))
            case .notAtAcknowledgementStage(let id): .notAtAcknowledgementStage(stage(id))
            case .noMeeting(let id): .noMeeting(stage: stage(id))
            case .unknownRoute(let route, let ids): .unknownRoute(route, routes: routes(ids))
            case .meetingParticipantMissing(let capacity, let meeting, let id):
                .meetingParticipantMissing(capacity, meeting: meeting, stage: stage(id))
            case .noAgreedTimescale(let id): .noAgreedTimescale(stage: stage(id))
            case .noReviewAtStage(let id): .noReviewAtStage(stage: stage(id))
            case .noLineManagerNotice(let id): .noLineManagerNotice(stage: stage(id))
            case .unknownStageRoute(let route, let id, let routes):
                .unknownStageRoute(route, stage: stage(id), routes: routes)
            case .customRecordsMissing(let id, let titles): .customRecordsMissing(stage: stage(id), titles: titles)
            default: self
            }
        return named.description
    }
}
