extension DisputeEngine {
    func recordDiscussion(
        _ state: DisputeState, heldOn: LocalDate, method: ContactMethod, participants: [PersonRef], _ summary: String,
        today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        // A discussion is recorded once it has happened; a planned one is a meeting to schedule.
        guard heldOn <= today else { throw .discussionInFuture }
        let stage = policy.stage(state.currentStage.stage)
        let discouraged = stage?.contact?.discouraged.contains(method) ?? false
        return [
            .discussionRecorded(
                .init(
                    stage: state.currentStage.stage, heldOn: heldOn, method: method, participants: participants,
                    summary: try required(summary, "what was said"), discouragedMethod: discouraged,
                    stageDue: try dueFromDiscussion(state, heldOn: heldOn)))
        ]
    }

    func agreePlan(_ state: DisputeState, _ actions: [PlannedAction]) throws(DisputeError) -> [DisputeEvent] {
        guard !actions.isEmpty else { throw .missingField("at least one action") }
        guard Set(actions.map(\.id)).count == actions.count else {
            throw .missingField("a distinct id for each action")
        }
        for action in actions {
            _ = try required(action.action, "each action's description")
            if state.completedActions[action.id] != nil { throw .actionAlreadyCompleted(action.id) }
        }
        return [.planAgreed(.init(stage: state.currentStage.stage, actions: actions))]
    }

    func completeAction(
        _ state: DisputeState, id: String, note: String?, today: LocalDate
    ) throws(DisputeError)
        -> [DisputeEvent]
    {
        guard state.plan.contains(where: { $0.id == id }) else { throw .unknownAction(id) }
        guard state.completedActions[id] == nil else { throw .actionAlreadyCompleted(id) }
        return [.actionCompleted(.init(actionID: id, completedOn: today, note: note))]
    }

    func addParticipant(
        _ state: DisputeState, _ person: PersonRef, _ capacity: Capacity?
    ) throws(DisputeError)
        -> [DisputeEvent]
    {
        let already = state.participants.contains { $0.person.id == person.id && $0.capacity == capacity }
        guard !already else { throw .alreadyParticipating(person.name) }
        let side = person.side(raisingAgency: state.raised.raisedBy.agency.id)
        return [
            .participantAdded(
                Participation(person: person, capacity: capacity, side: side, stage: state.currentStage.stage))
        ]
    }

    /// Blank answers are dropped, so they neither count as a record nor erase an earlier one.
    func recordStageRecords(_ state: DisputeState, _ records: StageRecords) throws(DisputeError) -> [DisputeEvent] {
        func text(_ value: String?) -> String? { value?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty }
        var minute = records.boardMinute
        if let given = minute {
            minute = BoardMinute(
                board: try required(given.board, "the board"), date: given.date,
                reference: try required(given.reference, "the minute reference"))
        }
        let records = StageRecords(
            actionsTaken: text(records.actionsTaken), outcome: text(records.outcome),
            learningIdentified: records.learningIdentified, learning: text(records.learning),
            effortsExhausted: text(records.effortsExhausted), concernReview: text(records.concernReview),
            interventionDecision: text(records.interventionDecision), leadPartner: text(records.leadPartner),
            boardMinute: minute, custom: (records.custom ?? [:]).compactMapValues(text))
        let named = Set(policy.stage(state.currentStage.stage)?.customRecords.map(\.id) ?? [])
        if let unknown = records.custom?.keys.sorted().first(where: { !named.contains($0) }) {
            throw .unknownRecord(unknown)
        }
        guard records != StageRecords() else { throw .missingField("at least one of the stage's records") }
        if records.learningIdentified == true, records.learning == nil {
            throw .missingField("what learning was identified")
        }
        return [.stageRecordsRecorded(.init(stage: state.currentStage.stage, records: records))]
    }

    func reportSignificantHarm(_ concern: String) throws(DisputeError) -> [DisputeEvent] {
        let concern = try required(concern, "the concern")
        return [.significantHarmReported(.init(notify: policy.significantHarmTargets ?? [], concern: concern))]
    }

    /// The records the current stage still lacks before it can be left, leaving out the kinds
    /// the leaving command itself supplies.
    func missingRecords(_ state: DisputeState, supplied: Set<RecordKind>) -> [RecordKind] {
        guard let stage = policy.stage(state.currentStage.stage) else { return [] }
        return stage.records.filter { !supplied.contains($0) && !state.currentStage.hasRecord($0) }
    }

    /// The stage's records, Concord's own and those in the protocol's words, all written.
    func requireRecords(_ state: DisputeState, supplied: Set<RecordKind>) throws(DisputeError) {
        let missing = missingRecords(state, supplied: supplied)
        guard missing.isEmpty else { throw .recordsMissing(stage: state.currentStage.stage, missing: missing) }
        let written = state.currentStage.records.custom ?? [:]
        let unwritten = (policy.stage(state.currentStage.stage)?.customRecords ?? []).filter {
            $0.required && written[$0.id] == nil
        }
        guard unwritten.isEmpty else {
            throw .customRecordsMissing(stage: state.currentStage.stage, titles: unwritten.map(\.title))
        }
    }

    /// Rules such as "the IRO must take part when the child is looked after" for the stage
    /// being left.
    func checkRequiredParticipants(_ state: DisputeState) throws(DisputeError) {
        let stage = state.currentStage.stage
        for rule in policy.rules {
            guard case .requiredParticipant(let capacity, let condition, let stages) = rule.kind, stages.contains(stage)
            else { continue }
            if let condition, !condition.holds(flags: state.childFlags, category: state.raised.category) { continue }
            guard state.hasRequiredParticipant(capacity, ruleStages: stages) else {
                throw .participantRequired(capacity, stage: stage)
            }
        }
    }
}

extension DisputeEngine {
    /// The deadline a discussion sets when the stage's timescale counts from one: the first
    /// discussion for `first-contact`, every discussion for `latest-discussion`.
    func dueFromDiscussion(_ state: DisputeState, heldOn: LocalDate) throws(DisputeError) -> LocalDate? {
        guard let timescale = policy.effectiveTimescale(at: state.currentStage) else { return nil }
        switch timescale.from {
        case .firstContact where state.currentStage.discussions.isEmpty: return try due(timescale, from: heldOn)
        case .latestDiscussion:
            let latest = state.currentStage.discussions.map(\.heldOn).max() ?? heldOn
            return try due(timescale, from: max(latest, heldOn))
        default: return nil
        }
    }

    /// Someone in the capacity a meeting rule names must be in the minutes of every meeting
    /// held at the stage before the dispute escalates past it (Oldham's IRO for a looked-after
    /// child). A dispute that never met needs no one.
    func checkMeetingParticipants(_ state: DisputeState) throws(DisputeError) {
        let visit = state.currentStage
        for rule in policy.rules {
            guard case .meetingParticipant(let capacity, let condition, let stage) = rule.kind, stage == visit.stage
            else { continue }
            if let condition, !condition.holds(flags: state.childFlags, category: state.raised.category) { continue }
            if let minuted = state.latestMinutes(without: capacity) {
                throw .meetingParticipantMissing(capacity, meeting: minuted.name, stage: stage)
            }
        }
    }
}

extension DisputeState {
    /// The current stage's latest minutes, when they do not show anyone in `capacity` present.
    /// Only the latest count: a meeting held again with them is the remedy for one without.
    public func latestMinutes(without capacity: Capacity) -> DisputeEvent.MeetingMinutesRecorded? {
        guard let latest = currentStage.minutes.last else { return nil }
        let holders = Set(participants.filter { $0.capacity == capacity }.map(\.person.id))
        return latest.minutes.attendees.contains(where: { holders.contains($0.id) }) ? nil : latest
    }

    /// Whether someone in `capacity` takes part as a rule naming `ruleStages` needs at the
    /// current stage. A rule naming several stages ("with the designated lead for safeguarding at
    /// each stage") needs them at each: joining at the stage or in one of its discussions.
    public func hasRequiredParticipant(_ capacity: Capacity, ruleStages: [String]) -> Bool {
        let holders = participants.filter { $0.capacity == capacity }
        guard ruleStages.count > 1 else { return !holders.isEmpty }
        let discussed = Set(currentStage.discussions.flatMap(\.participants).map(\.id))
        return holders.contains { $0.stage == currentStage.stage || discussed.contains($0.person.id) }
    }
}
