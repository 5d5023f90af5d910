extension DisputeEngine {
    /// Sunderland's "Timescales, not exceeding 5 working days, should be agreed for each stage
    /// taking into consideration risk to the child": the agreed figure replaces the stage's
    /// deadline, counted from the stage's start, and the protocol's maximum bounds it. So does
    /// the maximum bound the time agreed for the other side's response ("Appropriate timescales
    /// for passing on, and responding to, concerns should be agreed for each stage").
    func agreeTimescale(
        _ state: DisputeState, workingDays: Int, reason: String, agreedBy: [PersonRef],
        response: ResponseRequest?, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let visit = state.currentStage
        guard let maximum = policy.effectiveTimescale(at: visit),
            maximum.agreed, maximum.unit == .workingDays
        else { throw .noAgreedTimescale(stage: visit.stage) }
        guard (1...maximum.amount).contains(workingDays) else { throw .agreedTimescaleTooLong(maximum: maximum.amount) }
        let reason = try required(reason, "why this timescale was agreed, taking into account the risk to the child")
        guard !agreedBy.isEmpty else { throw .missingField("who agreed the timescale") }
        var agreedResponse: AgreedResponse?
        if let response {
            guard (1...maximum.amount).contains(response.workingDays) else {
                throw .agreedTimescaleTooLong(maximum: maximum.amount)
            }
            guard state.participants.contains(where: { $0.person.id == response.from.id }) else {
                throw .responderNotTakingPart(response.from.name)
            }
            let within = Timescale(amount: response.workingDays, unit: .workingDays, from: .stageStart)
            agreedResponse = AgreedResponse(
                from: response.from, workingDays: response.workingDays, due: try due(within, from: today))
        }
        let agreed = Timescale(amount: workingDays, unit: .workingDays, from: .stageStart)
        return [
            .timescaleAgreed(
                .init(
                    stage: visit.stage, workingDays: workingDays, due: try due(agreed, from: visit.startedOn),
                    reason: reason, agreedBy: agreedBy, response: agreedResponse))
        ]
    }

    /// Coventry's stage 4: "consideration should be given to holding a multi-agency review",
    /// asked when the dispute reaches the stage, once.
    func considerReview(_ state: DisputeState, willHold: Bool, note: String?) throws(DisputeError) -> [DisputeEvent] {
        let stage = state.currentStage.stage
        guard let review = policy.review(at: stage) else { throw .noReviewAtStage(stage: stage) }
        guard !state.reviewDecisions.contains(where: { $0.stage == stage }) else {
            throw .reviewAlreadyConsidered(review: review)
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return [.reviewConsidered(.init(stage: stage, review: review, willHold: willHold, note: note))]
    }

    /// The review itself, "to learn lessons and develop policy": when, who, the lessons and the
    /// policy changes agreed. It may be recorded after the dispute has ended.
    func recordReview(
        _ state: DisputeState, _ record: ReviewRecord, today: LocalDate
    ) throws(DisputeError)
        -> [DisputeEvent]
    {
        guard let decision = state.reviewDecisions.last(where: \.willHold) else {
            let review = state.reviewDecisions.last?.review ?? policy.reviewNames.first ?? "review"
            throw .reviewNotHeld(review: review)
        }
        guard record.heldOn <= today else { throw .reviewInFuture }
        guard !record.participants.isEmpty else { throw .missingField("who took part in the review") }
        return [
            .reviewRecorded(
                .init(
                    review: decision.review, heldOn: record.heldOn, participants: record.participants,
                    lessons: try required(record.lessons, "the lessons learned"),
                    policyChanges: record.policyChanges?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty))
        ]
    }
}

extension Policy {
    /// The review the policy asks to be considered when a dispute reaches `stage`.
    public func review(at stage: String) -> String? {
        rules.lazy.compactMap { rule -> String? in
            if case .reviewConsideration(let at, let review) = rule.kind, at == stage { return review }
            return nil
        }.first
    }

    var reviewNames: [String] {
        rules.compactMap { rule in
            if case .reviewConsideration(_, let review) = rule.kind { return review }
            return nil
        }
    }

    /// The routes a dispute can be referred along; a power such as the Secretary of State's is
    /// information, not a route.
    public var referralRoutes: [ExternalRoute] {
        externalRoutes.filter { $0.kind != .secretaryOfState }
    }
}
