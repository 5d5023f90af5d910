import ConcordCore

extension TimelineEntry {
    static func scheduled(_ meeting: DisputeEvent.MeetingScheduled) -> (String, [Line]) {
        (
            meeting.sequence == 0 ? "\(meeting.name) scheduled" : "\(meeting.name) rearranged",
            [
                Line(label: "When", text: Formatting.meetingTime(meeting)),
                Line(label: "Where", text: meeting.location),
                Line(label: "Invited", text: Formatting.people(meeting.invited)),
            ]
        )
    }

    static func minuted(_ recorded: DisputeEvent.MeetingMinutesRecorded) -> (String, [Line]) {
        let minutes = recorded.minutes
        var lines = [
            Line(label: "Held", text: Formatting.date(minutes.heldOn)),
            Line(label: "Attended", text: Formatting.people(minutes.attendees)),
            Line(label: "Purpose", text: minutes.purpose),
        ]
        lines += minutes.views.map { Line(label: "\($0.agency.name)'s view", text: $0.view) }
        lines += [
            Line(label: "Circumstances", text: minutes.circumstances),
            Line(label: "Options considered", text: minutes.options),
        ]
        lines += minutes.actions.map {
            Line(label: "Agreed: \($0.owner.name)", text: "\($0.action) — by \(Formatting.date($0.due))")
        }
        lines.append(Line(label: "Date of review", text: Formatting.date(minutes.reviewOn)))
        return ("Minutes of the \(recorded.name.lowercased()) recorded", lines)
    }
}
