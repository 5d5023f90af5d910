import ConcordCore

extension Formatting {
    /// "1 hour 30 minutes".
    static func duration(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        let parts = [
            hours == 0 ? nil : "\(hours) hour\(hours == 1 ? "" : "s")",
            rest == 0 ? nil : "\(rest) minute\(rest == 1 ? "" : "s")",
        ]
        return parts.compactMap { $0 }.joined(separator: " ")
    }

    /// "Thursday 26 November 2026, 10:00 to 11:30 (London time)".
    static func meetingTime(_ meeting: DisputeEvent.MeetingScheduled) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let total = meeting.start.hour * 60 + meeting.start.minute + meeting.durationMinutes
        let end = MeetingTime(hour: (total / 60) % 24, minute: total % 60).map(\.description) ?? ""
        return "\(weekdays[meeting.date.isoWeekday - 1]) \(date(meeting.date)), \(meeting.start) to \(end)"
    }

    static func people(_ people: [PersonRef]) -> String {
        people.map { "\($0.name) (\($0.agency.name))" }.joined(separator: ", ")
    }
}
