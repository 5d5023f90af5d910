import Foundation

/// Partnerships' dates are local dates in Europe/London: an instant late on 30 June UTC is
/// already 1 July there in summer, and a deadline is the end of its due date there.
public enum LondonTime {
    private static let calendar: Calendar = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            preconditionFailure("the Europe/London time zone is missing; install the tzdata package")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    public static func date(of instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The hour on London clocks, 0 to 23.
    public static func hour(of instant: Date) -> Int {
        calendar.component(.hour, from: instant)
    }

    public static func startOfDay(_ date: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// The instant a deadline passes: midnight at the end of its due date, London time.
    public static func deadline(endOf date: LocalDate) -> Date {
        startOfDay(date.adding(days: 1))
    }
}
