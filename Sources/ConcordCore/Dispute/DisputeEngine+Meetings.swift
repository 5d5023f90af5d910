import Foundation

extension DisputeEngine {
    /// Only a stage whose policy has a meeting can schedule one. Scheduling again before the
    /// minutes are in rearranges the same meeting rather than adding a second.
    func scheduleMeeting(
        _ state: DisputeState, _ request: ScheduleMeeting, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let meeting = try stageMeeting(state)
        guard request.date >= today else { throw .meetingInPast }
        guard (15...480).contains(request.durationMinutes) else { throw .meetingLength }
        let location = try required(request.location, "where the meeting is, or how to join it")
        var seen: Set<String> = []
        let invited = request.invited.filter { seen.insert($0.id).inserted }
        guard !invited.isEmpty else { throw .missingField("the people invited") }
        let pending = state.pendingMeeting
        return [
            .meetingScheduled(
                .init(
                    meetingID: pending?.meetingID ?? "M\(state.meetings.count + 1)",
                    sequence: pending.map { $0.sequence + 1 } ?? 0, stage: state.currentStage.stage,
                    name: meeting.name, date: request.date, start: request.start,
                    durationMinutes: request.durationMinutes, location: location, invited: invited,
                    organiser: request.organiser))
        ]
    }

    /// Minutes join the record for good, so everything the template asks for must be there:
    /// who attended (people the dispute knows), each agency's view, and actions each with an
    /// owner who was there or takes part, and a date no earlier than the meeting.
    func recordMinutes(
        _ state: DisputeState, _ minutes: MeetingMinutes, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        let meeting = try stageMeeting(state)
        guard minutes.heldOn <= today else { throw .minutesBeforeMeeting }
        var known = Set(state.participants.map(\.person.id))
        for scheduled in state.currentStage.meetings { known.formUnion(scheduled.invited.map(\.id)) }
        var seen: Set<String> = []
        let attendees = minutes.attendees.filter { seen.insert($0.id).inserted }
        guard !attendees.isEmpty else { throw .missingField("who attended") }
        for attendee in attendees where !known.contains(attendee.id) { throw .unknownPerson(attendee.name) }
        var recorded = minutes
        recorded.attendees = attendees
        recorded.purpose = try required(minutes.purpose, "the purpose of the meeting")
        recorded.circumstances = try required(
            minutes.circumstances, state.raised.scope == .practice ? "the child's circumstances" : "the circumstances")
        recorded.options = try required(minutes.options, "the options considered")
        recorded.views = []
        for agency in state.agencies {
            let view = minutes.views.first { $0.agency.id == agency.id }?.view ?? ""
            recorded.views.append(AgencyView(agency: agency, view: try required(view, "\(agency.name)'s view")))
        }
        recorded.actions = try agreedActions(minutes, known: known.union(seen))
        recorded.learning = minutes.learning?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if meeting.learning, recorded.learning == nil {
            throw .missingField("the learning points (write \"none identified\" if there were none)")
        }
        guard minutes.reviewOn >= minutes.heldOn else { throw .reviewBeforeMeeting }
        return [
            .meetingMinutesRecorded(
                .init(
                    stage: state.currentStage.stage, meetingID: state.pendingMeeting?.meetingID, name: meeting.name,
                    minutes: recorded))
        ]
    }

    private func agreedActions(_ minutes: MeetingMinutes, known: Set<String>) throws(DisputeError) -> [PlannedAction] {
        guard !minutes.actions.isEmpty else { throw .missingField("at least one agreed action") }
        guard Set(minutes.actions.map(\.id)).count == minutes.actions.count else {
            throw .missingField("a distinct id for each action")
        }
        var actions: [PlannedAction] = []
        for action in minutes.actions {
            var action = action
            action.action = try required(action.action, "each agreed action's description")
            guard known.contains(action.owner.id) else { throw .unknownPerson(action.owner.name) }
            guard action.due >= minutes.heldOn else { throw .actionDueBeforeMeeting(action.action) }
            actions.append(action)
        }
        return actions
    }

    private func stageMeeting(_ state: DisputeState) throws(DisputeError) -> Meeting {
        guard let meeting = policy.stage(state.currentStage.stage)?.meeting else {
            throw .noMeeting(stage: state.currentStage.stage)
        }
        return meeting
    }
}
