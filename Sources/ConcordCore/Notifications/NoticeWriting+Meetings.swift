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
        return content(
            "These are the minutes of the \(recorded.name.lowercased()) held on \(minutes.heldOn.text), as recorded in Concord.",
            facts: [
                NoticeContent.Fact("Attended by", names(minutes.attendees)),
                NoticeContent.Fact("Date of review", minutes.reviewOn.textWithWeekday),
            ], details: [NoticeContent.Section("Minutes", minutesLines(minutes))],
            action:
                "File these minutes on your agency's own recording system, and share them with the next stage if the dispute is escalated."
        )
    }

    func minutesHeading(_ recorded: DisputeEvent.MeetingMinutesRecorded) -> String {
        "Minutes of the \(recorded.name.lowercased()) held on \(recorded.minutes.heldOn.text)"
    }

    /// Everything the minutes template asks for, one line each.
    func minutesLines(_ minutes: MeetingMinutes) -> [String] {
        ["Attended by: \(names(minutes.attendees))", "Purpose: \(minutes.purpose)"]
            + minutes.views.map { "\($0.agency.name)'s view: \($0.view)" }
            + [
                "The child's circumstances: \(minutes.circumstances)", "Options considered: \(minutes.options)",
            ]
            + minutes.actions.map { "Agreed action: \($0.action) – \($0.owner.name), by \($0.due.text)" }
            + ["Date of review: \(minutes.reviewOn.text)"]
    }
}
