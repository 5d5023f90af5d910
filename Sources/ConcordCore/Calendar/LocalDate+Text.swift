extension LocalDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// GOV.UK style, "4 December 2026".
    public var text: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// "Friday 4 December 2026", where the day of the week helps someone plan.
    public var textWithWeekday: String { "\(Self.weekdayNames[isoWeekday - 1]) \(text)" }
}
