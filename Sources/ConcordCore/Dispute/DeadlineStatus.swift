/// Where a deadline stands on a given day.
public enum DeadlineStatus: Hashable, Sendable {
    /// The policy sets no timescale, so there is no date to be late against.
    case noTimescale
    case onTrack
    /// Due today or on the next working day.
    case dueSoon
    /// Past its due date, by this many working days (0 when only non-working days have passed).
    case overdue(workingDays: Int)

    public init(due: LocalDate?, on today: LocalDate, calendar: WorkingCalendar) throws(CalendarError) {
        guard let due else {
            self = .noTimescale
            return
        }
        if today > due {
            self = .overdue(workingDays: try calendar.workingDays(from: due, to: today))
        } else {
            self = try calendar.workingDays(from: today, to: due) <= 1 ? .dueSoon : .onTrack
        }
    }

    public var label: String {
        switch self {
        case .noTimescale: "no timescale"
        case .onTrack: "on track"
        case .dueSoon: "due within a working day"
        case .overdue(let days): days == 1 ? "overdue by 1 working day" : "overdue by \(days) working days"
        }
    }
}
