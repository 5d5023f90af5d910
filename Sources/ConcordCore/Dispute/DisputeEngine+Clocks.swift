import Foundation

extension DisputeEngine {
    /// The command's events, followed by a `clock-started` for each of the current stage's
    /// clocks whose anchor they bring about: the stage starting, the first discussion at it,
    /// receipt in writing, or another clock being met ("within a further 2 working days").
    func withClocks(
        _ events: [DisputeEvent], after state: DisputeState?, at now: Date
    ) throws(DisputeError)
        -> [DisputeEvent]
    {
        // Most policies have no further clocks: nothing to replay for them.
        guard policy.stages.contains(where: { !$0.clocks.isEmpty }) else { return events }
        var after = state
        for event in events {
            if after == nil {
                after = DisputeState(first: event, at: now)
            } else {
                after?.apply(event, at: now)
            }
        }
        guard let after, after.status == .open, !after.stages.isEmpty,
            let stage = policy.stage(after.currentStage.stage), !stage.clocks.isEmpty
        else { return events }
        let visit = after.currentStage
        let started = Set(visit.clocks.map(\.started.clock))
        var added: [DisputeEvent] = []
        for clock in stage.clocks where !started.contains(clock.id) {
            guard let anchor = anchor(of: clock, in: visit, of: after) else { continue }
            added.append(
                .clockStarted(
                    .init(
                        stage: stage.id, clock: clock.id, name: clock.name, kind: clock.kind, by: clock.by,
                        metBy: clock.metBy, letter: clock.letter, indicative: clock.indicative, startedOn: anchor,
                        due: try due(clock.timescale, from: anchor))))
        }
        return events + added
    }

    private func anchor(of clock: Clock, in visit: DisputeState.StageVisit, of state: DisputeState) -> LocalDate? {
        if let after = clock.after {
            return visit.clocks.first { $0.started.clock == after }?.metOn
        }
        let receipt = policy.acknowledgement.flatMap { acknowledgement in
            state.stages.first { $0.stage == acknowledgement.stage }?.startedOn
        }
        return Timescale.date(
            of: clock.from, stageStart: visit.startedOn, raised: state.raised.raisedOn, receipt: receipt,
            firstDiscussion: visit.discussions.first?.heldOn, decision: state.raised.decidedOn
        )
        .flatMap { clock.from == .receivedInWriting && receipt == nil ? nil : $0 }
    }

    func recordLetter(
        _ state: DisputeState, clock id: String, sentOn: LocalDate, to: String, summary: String?, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let stage = policy.stage(state.currentStage.stage)
        let clock = stage?.clocks.first { $0.id == id && $0.kind == .letterWithin }
        let letter = clock?.letter ?? "letter"
        guard let clock, let run = state.currentStage.clocks.first(where: { $0.started.clock == clock.id }) else {
            throw .noLetterDue(letter)
        }
        guard run.metOn == nil else { throw .letterAlreadySent(letter) }
        guard sentOn <= today else { throw .letterInFuture }
        let to = try required(to, "who the \(letter.lowercased()) was sent to")
        let summary = summary?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return [
            .letterSent(
                .init(
                    stage: state.currentStage.stage, clock: clock.id, letter: letter, sentOn: sentOn, to: to,
                    summary: summary))
        ]
    }
}
