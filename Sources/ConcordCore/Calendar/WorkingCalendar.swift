/// Working days for one partnership: Monday to Friday, except the bank holidays of its region
/// and the partnership's own closure days.
///
/// Arithmetic never walks day by day: a working day's rank is its weekday count (closed form)
/// less the non-working weekdays up to it (binary search), and adding inverts that rank.
public struct WorkingCalendar: Sendable {
    public static let firstDate = LocalDate(year: BankHolidayRules.supportedYears.lowerBound, month: 1, day: 1)!
    public static let lastDate = LocalDate(year: BankHolidayRules.supportedYears.upperBound, month: 12, day: 31)!

    public let region: Region
    public let closureDays: [LocalDate]
    private let closureSet: Set<LocalDate>
    private let holidays: [LocalDate: BankHoliday]
    /// Day numbers of every weekday that is not a working day, ascending.
    private let nonWorkingWeekdays: [Int]

    public init(region: Region, holidays table: HolidayTable = .standard, closureDays: some Sequence<LocalDate> = []) {
        self.region = region
        self.closureSet = Set(closureDays)
        self.closureDays = closureSet.sorted()
        var holidays: [LocalDate: BankHoliday] = [:]
        for holiday in table.holidays(region: region) {
            holidays[holiday.date] = holiday
        }
        self.holidays = holidays
        let weekdays = Set(holidays.keys).union(closureSet).filter { !$0.isWeekend }
        self.nonWorkingWeekdays = weekdays.map(\.dayNumber).sorted()
    }

    public func isWorkingDay(_ date: LocalDate) throws(CalendarError) -> Bool {
        try check(date)
        return !date.isWeekend && holidays[date] == nil && !isClosure(date)
    }

    /// Why a date is not a working day ("Saturday", "Christmas Day", "partnership closure day"),
    /// or nil when it is one.
    public func reasonNotWorking(_ date: LocalDate) throws(CalendarError) -> String? {
        try check(date)
        if let holiday = holidays[date] { return holiday.title }
        if date.isWeekend { return date.isoWeekday == 6 ? "Saturday" : "Sunday" }
        return isClosure(date) ? "partnership closure day" : nil
    }

    /// Counted as UK statutory deadlines are, the start day being day zero: for n ≥ 1 the n-th
    /// working day strictly after `start`; for n = 0 `start` itself when it is a working day,
    /// else the next one; for n < 0 the |n|-th working day strictly before `start`.
    public func adding(workingDays n: Int, to start: LocalDate) throws(CalendarError) -> LocalDate {
        try check(start)
        // The whole calendar holds under 30,000 working days; larger counts would overflow.
        guard n > -Self.maximumCount, n < Self.maximumCount else { throw .countTooLarge(n) }
        let result: LocalDate
        if n > 0 {
            result = firstReaching(rank(start.dayNumber) + n, from: nonWorkingUpTo(start.dayNumber))
        } else if n == 0 {
            result = try isWorkingDay(start) ? start : firstReaching(rank(start.dayNumber) + 1, from: 0)
        } else {
            result = firstReaching(rank(start.dayNumber - 1) + n + 1, from: 0)
        }
        try check(result)
        return result
    }

    /// The working days d with from < d ≤ to, negative when `to` is before `from`, so that
    /// `workingDays(from: s, to: adding(workingDays: n, to: s)) == n` for n ≥ 1.
    public func workingDays(from: LocalDate, to: LocalDate) throws(CalendarError) -> Int {
        try check(from)
        try check(to)
        return rank(to.dayNumber) - rank(from.dayNumber)
    }

    /// Working days up to and including a day, counted from an arbitrary origin.
    private func rank(_ day: Int) -> Int {
        Self.weekdaysUpTo(day) - nonWorkingUpTo(day)
    }

    private func nonWorkingUpTo(_ day: Int) -> Int {
        var low = 0
        var high = nonWorkingWeekdays.count
        while low < high {
            let middle = (low + high) / 2
            if nonWorkingWeekdays[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first day whose rank reaches `target`. Iterates h ← nonWorkingUpTo(day with
    /// weekday count target + h), which rises monotonically to the answer in a few steps
    /// because holidays are sparse; `from` must not exceed the answer's count.
    private func firstReaching(_ target: Int, from start: Int) -> LocalDate {
        var skipped = start
        while true {
            let day = Self.firstWeekday(withCount: target + skipped)
            let found = nonWorkingUpTo(day)
            if found == skipped { return LocalDate(dayNumber: day) }
            skipped = found
        }
    }

    private static let maximumCount = 40_000

    /// 1969-12-29, a Monday, as a day number.
    private static let mondayOrigin = -3

    private static func weekdaysUpTo(_ day: Int) -> Int {
        let offset = day - mondayOrigin
        let weeks = floorDivide(offset, 7)
        return weeks * 5 + min(offset - weeks * 7 + 1, 5)
    }

    private static func firstWeekday(withCount count: Int) -> Int {
        let weeks = floorDivide(count - 1, 5)
        return mondayOrigin + weeks * 7 + (count - 1 - weeks * 5)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private func isClosure(_ date: LocalDate) -> Bool {
        closureSet.contains(date)
    }

    private func check(_ date: LocalDate) throws(CalendarError) {
        guard date >= Self.firstDate, date <= Self.lastDate else { throw .outOfRange(date) }
    }
}

public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case outOfRange(LocalDate)
    case countTooLarge(Int)

    public var description: String {
        switch self {
        case .outOfRange(let date):
            "\(date) is outside the calendar Concord knows (\(WorkingCalendar.firstDate) to \(WorkingCalendar.lastDate))"
        case .countTooLarge(let count):
            "\(count) working days reaches beyond the calendar Concord knows (\(WorkingCalendar.firstDate) to \(WorkingCalendar.lastDate))"
        }
    }
}
