import ConcordCore

/// The people a meeting's forms offer. Invitations may go to anyone who could join the
/// dispute; attendance and actions only to those the dispute already knows (its participants
/// and the people invited), which the engine insists on too.
struct MeetingPeople {
    var known: [PersonRef]
    var invitable: [PersonRef]
    /// Ticked when the form first opens.
    var expected: [String]

    init(_ dispute: VisibleDispute, _ choices: PeopleChoices) {
        let state = dispute.loaded.state
        var seen: Set<String> = []
        let invited = state.currentStage.meetings.flatMap(\.invited)
        known = (choices.participants + invited).filter { seen.insert($0.id).inserted }
        invitable = known + choices.candidates.filter { seen.insert($0.id).inserted }
        expected = state.pendingMeeting?.invited.map(\.id) ?? choices.participants.map(\.id)
    }

    func person(_ id: String) -> PersonRef? {
        invitable.first { $0.id == id }
    }

    func owners(selected: String) -> [FormField.Option] {
        [.option("", "Choose someone", selected: selected.isEmpty)]
            + known.map { .option($0.id, "\($0.name), \($0.agency.name)", selected: $0.id == selected) }
    }
}
