extension NoticeWriting {
    func meetingContent(_ meeting: DisputeEvent.MeetingScheduled) -> NoticeContent {
        content(
            meeting.sequence == 0
                ? "You are invited to a \(meeting.name.lowercased()) for this dispute, organised by \(meeting.organiser.name)."
                : "The \(meeting.name.lowercased()) for this dispute has been rearranged.",
            facts: [
                NoticeContent.Fact(
                    "When",
                    "\(meeting.date.textWithWeekday) at \(meeting.start), for \(meeting.durationMinutes) minutes"),
                NoticeContent.Fact("Where", meeting.location),
                NoticeContent.Fact("Invited", names(meeting.invited)),
            ],
            action: "The calendar invitation is attached. The agenda, filled in from the dispute, is in Concord.")
    }

    func minutesContent(_ recorded: DisputeEvent.MeetingMinutesRecorded) -> NoticeContent {
        let minutes = recorded.minutes
        var details = [
            NoticeContent.Section("Purpose of the meeting", [minutes.purpose]),
            NoticeContent.Section("The child's circumstances", [minutes.circumstances]),
            NoticeContent.Section("Options considered", [minutes.options]),
        ]
        for view in minutes.views { details.append(NoticeContent.Section("\(view.agency.name)'s view", [view.view])) }
        details.append(
            NoticeContent.Section(
                "Agreed actions",
                minutes.actions.map { "\($0.action) – \($0.owner.name), by \($0.due.text)" }))
        return content(
            "These are the minutes of the \(recorded.name.lowercased()) held on \(minutes.heldOn.text), as recorded in Concord.",
            facts: [
                NoticeContent.Fact("Attended by", names(minutes.attendees)),
                NoticeContent.Fact("Date of review", minutes.reviewOn.textWithWeekday),
            ], details: details,
            action:
                "File these minutes on your agency's own recording system, and share them with the next stage if the dispute is escalated."
        )
    }
}
