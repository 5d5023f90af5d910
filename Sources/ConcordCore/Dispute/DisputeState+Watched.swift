/// Something one person is to do by a date, watched like a stage's deadline: a reminder to
/// them the working day before, and an overdue notice to them and their line manager after.
public struct WatchedAction: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// An action in the plan: the protocols' plans are agreed "including timescales".
        case planned
        /// The response agreed with a stage's timescale.
        case response
        /// One of a stage's further clocks, for each person on the side whose clock it is.
        case clock
    }

    /// Unique within the dispute: the plan action's id, or the stage visit the response
    /// belongs to.
    public var id: String
    public var kind: Kind
    public var action: String
    public var owner: PersonRef
    public var due: LocalDate
    /// An indicative timescale: once overdue, only its owner is told, not their line manager.
    public var indicative: Bool

    public init(id: String, kind: Kind, action: String, owner: PersonRef, due: LocalDate, indicative: Bool = false) {
        self.id = id
        self.kind = kind
        self.action = action
        self.owner = owner
        self.due = due
        self.indicative = indicative
    }
}

extension DisputeState {
    /// What people still have to do by a date while the dispute is open.
    public var watchedActions: [WatchedAction] {
        guard status == .open else { return [] }
        var watched = openActions.map {
            WatchedAction(id: $0.id, kind: .planned, action: $0.action, owner: $0.owner, due: $0.due)
        }
        let visit = currentStage
        if visit.responseGivenOn == nil, let response = visit.agreedTimescale?.response {
            watched.append(
                WatchedAction(
                    id: "response:\(visit.stage):\(visit.startedOn.iso)", kind: .response,
                    action: "Respond to the concern, as agreed", owner: response.from, due: response.due))
        }
        let raising = raised.raisedBy.agency.id
        for run in visit.clocks where run.metOn == nil {
            let clock = run.started
            let owners = participants.map(\.person).filter {
                clock.by == .both || $0.side(raisingAgency: raising) == clock.by
            }
            var seen: Set<String> = []
            for owner in owners where seen.insert(owner.id).inserted {
                watched.append(
                    WatchedAction(
                        id: "clock:\(visit.stage):\(visit.startedOn.iso):\(clock.clock):\(owner.id)", kind: .clock,
                        action: clock.name, owner: owner, due: clock.due, indicative: clock.indicative))
            }
        }
        return watched
    }
}
