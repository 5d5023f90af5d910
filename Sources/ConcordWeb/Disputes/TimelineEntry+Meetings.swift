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
        if let learning = minutes.learning { lines.append(Line(label: "Learning points", text: learning)) }
        return ("Minutes of the \(recorded.name.lowercased()) recorded", lines)
    }

    static func agreedTimescale(_ agreed: DisputeEvent.TimescaleAgreed) -> (String, [Line]) {
        (
            "Timescale of \(agreed.workingDays) working day\(agreed.workingDays == 1 ? "" : "s") agreed",
            [
                Line(label: "Now due", text: Formatting.date(agreed.due)),
                Line(label: "Why", text: agreed.reason),
                Line(label: "Agreed by", text: Formatting.people(agreed.agreedBy)),
            ]
                + (agreed.response.map { response in
                    [Line(label: "Response", text: "From \(response.from.name) by \(Formatting.date(response.due))")]
                } ?? [])
        )
    }

    static func considered(_ decision: DisputeEvent.ReviewConsidered) -> (String, [Line]) {
        (
            decision.willHold ? "Decided to hold a \(decision.review)" : "Decided not to hold a \(decision.review)",
            decision.note.map { [Line(label: "Why", text: $0)] } ?? []
        )
    }

    static func reviewed(_ review: DisputeEvent.ReviewRecorded) -> (String, [Line]) {
        var lines = [
            Line(label: "Held", text: Formatting.date(review.heldOn)),
            Line(label: "Took part", text: Formatting.people(review.participants)),
            Line(label: "Lessons learned", text: review.lessons),
        ]
        if let changes = review.policyChanges { lines.append(Line(label: "Policy changes agreed", text: changes)) }
        return ("\(review.review.prefix(1).uppercased())\(review.review.dropFirst()) recorded", lines)
    }
}
