import ConcordCore
import Testing

/// WorkingCalendar never walks day by day (it ranks days by binary search), so it is checked
/// against a naive walk on many seeded random cases: any disagreement is a bug in one of them,
/// and the naive one is simple enough to trust.
@Suite struct WorkingCalendarPropertyTests {
    typealias Naive = CalendarFixture.NaiveCalendar

    /// 27–31 December every year (a common office closure), scattered single days that may fall
    /// on weekends or holidays, and long runs that force several holidays to be skipped at once.
    static let closures: [LocalDate] = {
        var rng = CalendarFixture.SplitMix64(seed: 0xC105_ED)
        var days = BankHolidayRules.supportedYears.flatMap { year in
            (27...31).compactMap { LocalDate(year: year, month: 12, day: $0) }
        }
        let range = WorkingCalendar.firstDate.dayNumber...WorkingCalendar.lastDate.dayNumber
        days += (0..<400).map { _ in LocalDate(dayNumber: rng.int(in: range)) }
        for (from, to) in [("2040-08-01", "2040-08-31"), ("2063-03-20", "2063-05-31"), ("1995-01-01", "1995-01-20")] {
            days += (ukDate(from).dayNumber...ukDate(to).dayNumber).map { LocalDate(dayNumber: $0) }
        }
        return days
    }()

    private static func seed(_ region: Region, _ withClosures: Bool) -> UInt64 {
        0x5EED_0000 + UInt64(Region.allCases.firstIndex(of: region)! * 2 + (withClosures ? 1 : 0))
    }

    @Test(arguments: Region.allCases, [false, true])
    func addingMatchesADayByDayWalk(_ region: Region, _ withClosures: Bool) throws {
        let closures = withClosures ? Self.closures : []
        let calendar = WorkingCalendar(region: region, closureDays: closures)
        let naive = Naive(nonWorking: CalendarFixture.holidayDates(region).union(closures))
        var rng = CalendarFixture.SplitMix64(seed: Self.seed(region, withClosures))
        let starts = WorkingCalendar.firstDate.dayNumber...ukDate("2099-12-31").dayNumber
        var failures: [String] = []
        for _ in 0..<20_000 {
            let start = LocalDate(dayNumber: rng.int(in: starts))
            let n = rng.int(in: -30...60)
            let expected = naive.adding(n, to: start)
            let result: LocalDate
            do {
                result = try calendar.adding(workingDays: n, to: start)
            } catch {
                if case .outOfRange = error, expected == nil { continue }
                failures.append("\(start) \(n): threw \(error), walk gives \(expected?.iso ?? "out of range")")
                continue
            }
            guard result == expected else {
                failures.append("\(start) \(n): got \(result), walk gives \(expected?.iso ?? "out of range")")
                continue
            }
            if n >= 1 || (n < 0 && naive.isWorking(start)) {
                let between = try calendar.workingDays(from: start, to: result)
                if between != n { failures.append("workingDays(\(start), \(result)) = \(between), not \(n)") }
            }
        }
        #expect(
            failures.isEmpty, "\(region) closures: \(withClosures), \(failures.count) failures: \(failures.prefix(10))")
    }

    @Test(arguments: Region.allCases, [false, true])
    func countingMatchesADayByDayWalk(_ region: Region, _ withClosures: Bool) throws {
        let closures = withClosures ? Self.closures : []
        let calendar = WorkingCalendar(region: region, closureDays: closures)
        let naive = Naive(nonWorking: CalendarFixture.holidayDates(region).union(closures))
        var rng = CalendarFixture.SplitMix64(seed: ~Self.seed(region, withClosures))
        let range = WorkingCalendar.firstDate.dayNumber...WorkingCalendar.lastDate.dayNumber
        var failures: [String] = []
        for _ in 0..<20_000 {
            let from = LocalDate(dayNumber: rng.int(in: range))
            let to = from.adding(days: rng.int(in: -120...120))
            guard to >= WorkingCalendar.firstDate, to <= WorkingCalendar.lastDate else { continue }
            let actual = try calendar.workingDays(from: from, to: to)
            let expected = naive.workingDays(from: from, to: to)
            if actual != expected { failures.append("workingDays(\(from), \(to)) = \(actual), walk gives \(expected)") }
        }
        #expect(
            failures.isEmpty, "\(region) closures: \(withClosures), \(failures.count) failures: \(failures.prefix(10))")
    }

    /// Every day of the calendar, so that the first and last days and every holiday are covered.
    @Test(arguments: Region.allCases)
    func everyDayIsClassifiedLikeTheWalk(_ region: Region) throws {
        let calendar = WorkingCalendar(region: region, closureDays: Self.closures)
        let holidays = Dictionary(
            HolidayTable.standard.holidays(region: region).map { ($0.date, $0.title) }, uniquingKeysWith: { a, _ in a })
        let closures = Set(Self.closures)
        let naive = Naive(nonWorking: Set(holidays.keys).union(closures))
        var failures: [String] = []
        for number in WorkingCalendar.firstDate.dayNumber...WorkingCalendar.lastDate.dayNumber {
            let date = LocalDate(dayNumber: number)
            let expectedReason: String? =
                holidays[date]
                ?? (date.isoWeekday == 6 ? "Saturday" : date.isoWeekday == 7 ? "Sunday" : nil)
                ?? (closures.contains(date) ? "partnership closure day" : nil)
            let working = try calendar.isWorkingDay(date)
            let reason = try calendar.reasonNotWorking(date)
            if working != naive.isWorking(date) || reason != expectedReason || working != (reason == nil) {
                failures.append("\(date): working \(working), reason \(reason ?? "none")")
            }
        }
        #expect(failures.isEmpty, "\(region): \(failures.prefix(10))")
    }

    /// Adding then subtracting the same count returns to the start whenever it was a working day.
    @Test(arguments: Region.allCases)
    func addingIsInvertibleFromWorkingDays(_ region: Region) throws {
        let calendar = WorkingCalendar(region: region, closureDays: Self.closures)
        var rng = CalendarFixture.SplitMix64(seed: 0xBACC ^ Self.seed(region, true))
        let starts = ukDate("1995-03-01").dayNumber...ukDate("2100-10-31").dayNumber
        var checked = 0
        while checked < 2_000 {
            let start = LocalDate(dayNumber: rng.int(in: starts))
            guard try calendar.isWorkingDay(start) else { continue }
            let n = rng.int(in: 1...40)
            let forward = try calendar.adding(workingDays: n, to: start)
            #expect(try calendar.adding(workingDays: -n, to: forward) == start, "\(region) \(start) ± \(n)")
            #expect(try calendar.adding(workingDays: 0, to: forward) == forward)
            checked += 1
        }
    }
}
