/// A stage's further clock once started: its fixed due date, and when it was met.
public struct ClockRun: Hashable, Sendable {
    public var started: DisputeEvent.ClockStarted
    public var metOn: LocalDate?
    public var letter: DisputeEvent.LetterSent?
}

extension DisputeState {
    /// What just happened at the current stage, as the clocks running there see it.
    enum ClockStep {
        case discussion(heldOn: LocalDate, people: [PersonRef])
        case meetingOffered(on: LocalDate)
        case lineManagerTold(on: LocalDate)
        case letter(DisputeEvent.LetterSent)
    }

    /// Meets every open clock at the current stage that the step meets.
    mutating func advanceClocks(_ step: ClockStep) {
        let raising = raised.raisedBy.agency.id
        var visit = currentStage
        for index in visit.clocks.indices where visit.clocks[index].metOn == nil {
            let clock = visit.clocks[index].started
            let met: LocalDate? =
                switch (clock.kind, step) {
                case (.beginWithin, .discussion(let day, let people)):
                    clock.metBy == .firstContact
                        || (clock.metBy == .lineManagerInvolved && people.contains { $0.level >= .lineManager })
                        ? day : nil
                case (.beginWithin, .meetingOffered(let day)): clock.metBy == .meetingOffered ? day : nil
                case (.beginWithin, .lineManagerTold(let day)): clock.metBy == .lineManagerInvolved ? day : nil
                case (.respondWithin, .discussion(let day, let people)):
                    people.contains { clock.by == .both || $0.side(raisingAgency: raising) == clock.by } ? day : nil
                case (.letterWithin, .letter(let letter)) where letter.clock == clock.clock:
                    letter.sentOn
                default: nil
                }
            guard let met, met >= clock.startedOn || clock.kind == .letterWithin else { continue }
            visit.clocks[index].metOn = met
            if case .letter(let letter) = step { visit.clocks[index].letter = letter }
        }
        replaceCurrentStage(visit)
    }

    mutating func startClock(_ started: DisputeEvent.ClockStarted) {
        guard currentStage.stage == started.stage else { return }
        var visit = currentStage
        visit.clocks.append(ClockRun(started: started))
        replaceCurrentStage(visit)
    }
}

extension DisputeState.StageVisit {
    /// The letters the stage's clocks ask for now: started and not yet sent.
    public var lettersDue: [DisputeEvent.ClockStarted] {
        clocks.filter { $0.started.kind == .letterWithin && $0.metOn == nil }.map(\.started)
    }
}
