/// Something one person is to do by a date, watched like a stage's deadline: a reminder to
/// them the working day before, and an overdue notice to them and their line manager after.
public struct WatchedAction: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// An action in the plan: the protocols' plans are agreed "including timescales".
        case planned
        /// The response agreed with a stage's timescale.
        case response
    }

    /// Unique within the dispute: the plan action's id, or the stage visit the response
    /// belongs to.
    public var id: String
    public var kind: Kind
    public var action: String
    public var owner: PersonRef
    public var due: LocalDate

    public init(id: String, kind: Kind, action: String, owner: PersonRef, due: LocalDate) {
        self.id = id
        self.kind = kind
        self.action = action
        self.owner = owner
        self.due = due
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
        return watched
    }
}
