extension DisputeEngine {
    /// Up one stage: never skipping one, never leaving without the stage's records and the
    /// people its rules require.
    func escalate(
        _ state: DisputeState, reason: String, evidence: String?, people: [PersonRef], route: String? = nil,
        today: LocalDate
    )
        throws(DisputeError) -> [DisputeEvent]
    {
        let index = try currentIndex(state)
        guard index + 1 < policy.stages.count else {
            throw .lastStage(stage: policy.stages[index].id, routes: policy.externalRoutes.map(\.id))
        }
        let reason = try required(reason, "the reason for escalating")
        let evidence = evidence?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        try requireRecords(state, supplied: evidence == nil ? [] : [.effortsExhausted])
        try checkRequiredParticipants(state)
        if let meeting = policy.stages[index].meeting, meeting.required, !state.currentStageMeetingHeld {
            throw .meetingRequired(meeting.name, stage: policy.stages[index].id)
        }
        try checkMeetingParticipants(state)
        guard !people.isEmpty else { throw .missingField("the people taking part at the next stage") }
        return try moving(
            state, to: index + 1, reason: reason, evidence: evidence, risk: false, people: people, route: route,
            today: today)
    }

    /// Straight to the policy's risk stage, as Oldham's "if at any point risk escalates" allows:
    /// the only way a stage can be skipped. The current stage's records and required people are
    /// not waited for, because the protocol puts getting the child's case to the partnership
    /// first; what was recorded so far stays with the stage.
    func escalateForRisk(
        _ state: DisputeState, reason: String, people: [PersonRef], today: LocalDate
    )
        throws(DisputeError) -> [DisputeEvent]
    {
        guard let target = policy.riskStage, let targetIndex = policy.stageIndex(target) else { throw .noRiskRule }
        let index = try currentIndex(state)
        guard index < targetIndex else { throw .alreadyPastRiskStage(target) }
        let reason = try required(reason, "how the risk to the child has escalated")
        guard !people.isEmpty else { throw .missingField("the people taking part at the next stage") }
        return try moving(
            state, to: targetIndex, reason: reason, evidence: nil, risk: true, people: people, today: today)
    }

    func acknowledge(_ state: DisputeState, note: String?, today: LocalDate) throws(DisputeError) -> [DisputeEvent] {
        guard let acknowledgement = policy.acknowledgement else { throw .noAcknowledgementStep }
        guard state.stages.contains(where: { $0.stage == acknowledgement.stage }) else {
            throw .notAtAcknowledgementStage(acknowledgement.stage)
        }
        guard state.acknowledged == nil else { throw .alreadyAcknowledged }
        return [.acknowledged(.init(stage: acknowledgement.stage, acknowledgedOn: today, note: note))]
    }

    func currentIndex(_ state: DisputeState) throws(DisputeError) -> Int {
        guard let index = policy.stageIndex(state.currentStage.stage) else {
            throw .policyMismatch(dispute: state.raised.policyID, engine: policy.id)
        }
        return index
    }

    private func moving(
        _ state: DisputeState, to index: Int, reason: String, evidence: String?, risk: Bool, people: [PersonRef],
        route: String? = nil, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let receipt = policy.acknowledgement.flatMap { acknowledgement in
            state.stages.first { $0.stage == acknowledgement.stage }?.startedOn
        }
        let escalated = DisputeEvent.Escalated(
            from: state.currentStage.stage, to: policy.stages[index].id, reason: reason, evidence: evidence,
            becauseOfRisk: risk, people: people)
        return [
            .escalated(escalated),
            .stageEntered(
                try entry(
                    stage: index, on: today, raisedOn: state.raised.raisedOn, receipt: receipt, route: route,
                    decidedOn: state.raised.decidedOn, stageStarts: state.firstStarts)),
        ]
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
