/// When the deadline notices fall: a reminder on the working day before a deadline, and an
/// overdue notice on the first working day after it, repeated every `repeatEvery` working days
/// while it stays overdue. Nothing falls on a weekend, bank holiday or closure day.
public struct DeadlineWatch: Sendable {
    public enum Deadline: Hashable, Sendable {
        /// The current stage's timescale; the stage id and start tell two visits apart.
        case stage(id: String, startedOn: LocalDate)
        case acknowledgement
        case overall

        public var key: String {
            switch self {
            case .stage(let id, let startedOn): "stage:\(id):\(startedOn.iso)"
            case .acknowledgement: "acknowledgement"
            case .overall: "overall"
            }
        }
    }

    public enum Due: Hashable, Sendable {
        case reminder
        /// The n-th overdue notice (1 for the first), `workingDays` after the deadline.
        case overdue(occurrence: Int, workingDays: Int)

        public var key: String {
            switch self {
            case .reminder: "reminder"
            case .overdue(let occurrence, _): "overdue-\(occurrence)"
            }
        }
    }

    public var calendar: WorkingCalendar
    public var repeatEvery: Int

    public init(calendar: WorkingCalendar, repeatEvery: Int = 5) {
        self.calendar = calendar
        self.repeatEvery = max(1, repeatEvery)
    }

    /// What, if anything, is due today for a deadline on `due`. An overdue notice belongs to a
    /// whole run of days, so a day the watch did not run loses nothing: the next run sends it,
    /// and the notice's key keeps it to once.
    public func due(for deadline: LocalDate, on today: LocalDate) throws(CalendarError) -> Due? {
        guard try calendar.isWorkingDay(today) else { return nil }
        if today < deadline {
            return try calendar.workingDays(from: today, to: deadline) == 1 ? .reminder : nil
        }
        let late = try calendar.workingDays(from: deadline, to: today)
        guard late >= 1 else { return nil }
        return .overdue(occurrence: (late - 1) / repeatEvery + 1, workingDays: late)
    }

    /// The latest deadline a reminder can be due for today: the next working day. Every
    /// deadline before today may be overdue.
    public func reminderDate(on today: LocalDate) throws(CalendarError) -> LocalDate? {
        guard try calendar.isWorkingDay(today) else { return nil }
        return try calendar.adding(workingDays: 1, to: today)
    }
}
