import ConcordCore
import Foundation

/// People seldom meet on a day the partnership does not work, or at a time already gone, so
/// such a meeting is queried once before it is scheduled; confirmed, it is scheduled as asked.
/// Dates before today the engine refuses outright.
enum MeetingDateWarning {
    static func warning(for meeting: ScheduleMeeting, calendar: WorkingCalendar, now: Date) -> String? {
        let date = Formatting.date(meeting.date)
        let reason = (try? calendar.reasonNotWorking(meeting.date)) ?? nil
        switch reason {
        case nil: break
        case "Saturday", "Sunday": return "\(date) is a \(reason ?? ""), not a working day."
        case "partnership closure day": return "\(date) is one of the partnership's closure days."
        default: return "\(date) is \(reason ?? ""), a bank holiday."
        }
        let clock = Calendar.london.dateComponents([.hour, .minute], from: now)
        if meeting.date == LondonTime.date(of: now),
            let time = MeetingTime(hour: clock.hour ?? 0, minute: clock.minute ?? 0), meeting.start < time
        {
            return "\(meeting.start) today has already passed."
        }
        return nil
    }

    /// What the person confirmed: the date and time they were warned about, so changing either
    /// asks again.
    static func confirmation(_ meeting: ScheduleMeeting) -> String {
        "\(meeting.date.iso) \(meeting.start)"
    }
}

extension Calendar {
    fileprivate static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        return calendar
    }()
}
