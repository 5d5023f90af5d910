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
            ] + (chair(of: meeting).map { [NoticeContent.Fact("Chaired by", names([$0]))] } ?? []),
            action: "The calendar invitation is attached. The agenda, filled in from the dispute, is in Concord.")
    }

    /// Whoever is at the level the policy names to chair the stage's meeting, among the
    /// organiser and those invited: North East Lincolnshire's "the meeting will be chaired by
    /// the Independent Scrutiny Officer".
    func chair(of meeting: DisputeEvent.MeetingScheduled) -> PersonRef? {
        guard let level = policy.stage(meeting.stage)?.meeting?.chair else { return nil }
        return ([meeting.organiser] + meeting.invited).first { $0.level == level }
    }

    func minutesContent(_ recorded: DisputeEvent.MeetingMinutesRecorded) -> NoticeContent {
        let minutes = recorded.minutes
        var details = [NoticeContent.Section("Minutes", minutesLines(minutes))]
        let agreed = section("Actions agreed at the meeting", minutes.actions.map(actionLine), .actions)
        if agreed.sharedWithAll {
            details = [
                NoticeContent.Section("Minutes", minutesLines(minutes).filter { !agreed.lines.contains($0) }), agreed,
            ]
        }
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

    func minutesHeading(_ recorded: DisputeEvent.MeetingMinutesRecorded) -> String {
        "Minutes of the \(recorded.name.lowercased()) held on \(recorded.minutes.heldOn.text)"
    }

    func actionLine(_ action: PlannedAction) -> String {
        "Agreed action: \(action.action) – \(action.owner.name), by \(action.due.text)"
    }

    /// Everything the minutes template asks for, one line each.
    func minutesLines(_ minutes: MeetingMinutes) -> [String] {
        ["Attended by: \(names(minutes.attendees))", "Purpose: \(minutes.purpose)"]
            + minutes.views.map { "\($0.agency.name)'s view: \($0.view)" }
            + [
                "The child's circumstances: \(minutes.circumstances)", "Options considered: \(minutes.options)",
            ]
            + minutes.actions.map(actionLine)
            + ["Date of review: \(minutes.reviewOn.text)"]
    }
}
