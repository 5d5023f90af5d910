import ConcordCore
import Testing

/// Hand-worked cases around Christmas and Easter 2026 in England and Wales. December 2026:
/// Christmas is Friday 25th, Boxing Day (Saturday) is substituted on Monday 28th, New Year's
/// Day 2027 is a Friday. Easter Sunday is 5 April, so Good Friday is the 3rd and Easter Monday
/// the 6th.
@Suite struct WorkingCalendarTests {
    private let england = WorkingCalendar(region: .englandAndWales)
    private let closure = (27...31).map { ukDate("2026-12-\($0)") }

    @Test(arguments: [
        (1, "2026-12-22"), (2, "2026-12-23"), (3, "2026-12-24"), (4, "2026-12-29"), (5, "2026-12-30"),
        (6, "2026-12-31"), (7, "2027-01-04"), (8, "2027-01-05"), (0, "2026-12-21"), (-1, "2026-12-18"),
    ])
    func fromMondayBeforeChristmas(_ n: Int, _ expected: String) throws {
        #expect(try england.adding(workingDays: n, to: ukDate("2026-12-21")) == ukDate(expected))
    }

    @Test(arguments: [
        (1, "2026-12-22"), (3, "2026-12-24"), (4, "2027-01-04"), (5, "2027-01-05"), (6, "2027-01-06"),
    ])
    func fromMondayBeforeChristmasWithClosureDays(_ n: Int, _ expected: String) throws {
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: closure)
        #expect(try calendar.adding(workingDays: n, to: ukDate("2026-12-21")) == ukDate(expected))
    }

    /// From a non-working start, day 1 is the first working day after it, which is also where
    /// day 0 lands: counting starts from the start date, not from the next working day.
    @Test(arguments: ["2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28"])
    func fromANonWorkingStart(_ start: String) throws {
        #expect(try england.adding(workingDays: 0, to: ukDate(start)) == ukDate("2026-12-29"))
        #expect(try england.adding(workingDays: 1, to: ukDate(start)) == ukDate("2026-12-29"))
        #expect(try england.adding(workingDays: 2, to: ukDate(start)) == ukDate("2026-12-30"))
        #expect(try england.adding(workingDays: -1, to: ukDate(start)) == ukDate("2026-12-24"))
        #expect(try england.adding(workingDays: -2, to: ukDate(start)) == ukDate("2026-12-23"))
    }

    @Test func backwardsOverChristmas() throws {
        #expect(try england.adding(workingDays: -1, to: ukDate("2026-12-29")) == ukDate("2026-12-24"))
        #expect(try england.adding(workingDays: -1, to: ukDate("2027-01-04")) == ukDate("2026-12-31"))
        #expect(try england.adding(workingDays: -4, to: ukDate("2027-01-04")) == ukDate("2026-12-24"))
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: closure)
        #expect(try calendar.adding(workingDays: -1, to: ukDate("2027-01-04")) == ukDate("2026-12-24"))
        #expect(try calendar.adding(workingDays: 0, to: ukDate("2026-12-29")) == ukDate("2027-01-04"))
    }

    @Test func easter2026DependsOnTheRegion() throws {
        let scotland = WorkingCalendar(region: .scotland)
        #expect(try england.adding(workingDays: 1, to: ukDate("2026-04-02")) == ukDate("2026-04-07"))
        #expect(try england.adding(workingDays: 2, to: ukDate("2026-04-02")) == ukDate("2026-04-08"))
        #expect(try england.adding(workingDays: -1, to: ukDate("2026-04-07")) == ukDate("2026-04-02"))
        #expect(try scotland.adding(workingDays: 1, to: ukDate("2026-04-02")) == ukDate("2026-04-06"))
        #expect(try england.workingDays(from: ukDate("2026-04-02"), to: ukDate("2026-04-09")) == 3)
        #expect(try scotland.workingDays(from: ukDate("2026-04-02"), to: ukDate("2026-04-09")) == 4)
    }

    @Test func countingWorkingDaysBetween() throws {
        #expect(try england.workingDays(from: ukDate("2026-12-21"), to: ukDate("2026-12-30")) == 5)
        #expect(try england.workingDays(from: ukDate("2026-12-30"), to: ukDate("2026-12-21")) == -5)
        #expect(try england.workingDays(from: ukDate("2026-12-25"), to: ukDate("2026-12-29")) == 1)
        #expect(try england.workingDays(from: ukDate("2026-12-26"), to: ukDate("2026-12-28")) == 0)
        #expect(try england.workingDays(from: ukDate("2026-12-22"), to: ukDate("2026-12-22")) == 0)
        #expect(try england.workingDays(from: ukDate("2026-01-01"), to: ukDate("2026-12-31")) == 253)
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: closure)
        #expect(try calendar.workingDays(from: ukDate("2026-12-21"), to: ukDate("2027-01-04")) == 4)
    }

    @Test func whatIsAWorkingDay() throws {
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: closure)
        #expect(try calendar.isWorkingDay(ukDate("2026-12-24")))
        #expect(try !calendar.isWorkingDay(ukDate("2026-12-25")))
        #expect(try !calendar.isWorkingDay(ukDate("2026-12-26")))
        #expect(try !calendar.isWorkingDay(ukDate("2026-12-29")))
        #expect(try england.isWorkingDay(ukDate("2026-12-29")))
        #expect(try calendar.isWorkingDay(ukDate("2027-12-29")), "closure days are dates, not yearly")
        #expect(calendar.closureDays == closure)
        #expect(calendar.region == .englandAndWales)
    }

    @Test func reasonsForNotWorking() throws {
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: closure + [ukDate("2026-12-25")])
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-24")) == nil)
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-25")) == "Christmas Day")
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-26")) == "Saturday")
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-27")) == "Sunday")
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-28")) == "Boxing Day")
        #expect(try calendar.reasonNotWorking(ukDate("2026-12-29")) == "partnership closure day")
        #expect(try england.reasonNotWorking(ukDate("2026-12-29")) == nil)
        #expect(try WorkingCalendar(region: .scotland).reasonNotWorking(ukDate("2026-11-30")) == "St Andrew’s Day")
        #expect(try england.reasonNotWorking(ukDate("2026-11-30")) == nil)
    }

    @Test func closureDaysAreSortedAndDeduplicated() {
        let days = [ukDate("2026-12-31"), ukDate("2026-12-29"), ukDate("2026-12-31")]
        #expect(
            WorkingCalendar(region: .scotland, closureDays: days).closureDays == [
                ukDate("2026-12-29"), ukDate("2026-12-31"),
            ])
    }

    @Test func theCalendarSpans1995To2100() {
        #expect(WorkingCalendar.firstDate == ukDate("1995-01-01"))
        #expect(WorkingCalendar.lastDate == ukDate("2100-12-31"))
    }

    @Test(arguments: ["1994-12-31", "2101-01-01", "1900-06-01"])
    func outOfRangeDatesThrow(_ iso: String) {
        let date = ukDate(iso)
        #expect(throws: CalendarError.outOfRange(date)) { try england.isWorkingDay(date) }
        #expect(throws: CalendarError.outOfRange(date)) { try england.reasonNotWorking(date) }
        #expect(throws: CalendarError.outOfRange(date)) { try england.adding(workingDays: 1, to: date) }
        #expect(throws: CalendarError.outOfRange(date)) {
            try england.workingDays(from: date, to: ukDate("2026-01-01"))
        }
        #expect(throws: CalendarError.outOfRange(date)) {
            try england.workingDays(from: ukDate("2026-01-01"), to: date)
        }
    }

    /// 1995-01-02 is New Year's Day's substitute and 2100-12-31 a Friday, so the answers from
    /// these in-range starts fall just outside the calendar.
    @Test func resultsOutsideTheRangeThrow() throws {
        #expect(try england.adding(workingDays: -1, to: ukDate("1995-01-04")) == ukDate("1995-01-03"))
        #expect(throws: CalendarError.outOfRange(ukDate("1994-12-30"))) {
            try england.adding(workingDays: -1, to: ukDate("1995-01-03"))
        }
        #expect(try england.isWorkingDay(ukDate("1995-01-01")) == false)
        #expect(try england.adding(workingDays: 1, to: ukDate("2100-12-30")) == ukDate("2100-12-31"))
        #expect(throws: CalendarError.outOfRange(ukDate("2101-01-03"))) {
            try england.adding(workingDays: 1, to: ukDate("2100-12-31"))
        }
        #expect(CalendarError.outOfRange(ukDate("2101-01-03")).description.contains("2101-01-03"))
    }

    @Test func hugeCountsThrowOutOfRange() {
        #expect(throws: CalendarError.self) { try england.adding(workingDays: 1_000_000, to: ukDate("2026-01-01")) }
        #expect(throws: CalendarError.self) { try england.adding(workingDays: -1_000_000, to: ukDate("2026-01-01")) }
    }

    /// A policy's working-day count is any positive Int the file holds, so the extremes must
    /// be reported as out of range, not crash the process on arithmetic overflow.
    @Test(arguments: [Int.max, Int.min, Int.max / 5 * 4, Int.min / 5 * 4])
    func extremeCountsDoNotTrap(_ n: Int) async {
        await #expect(processExitsWith: .success) { [n] in
            let start = LocalDate(year: 2026, month: 1, day: 1)!
            _ = try? WorkingCalendar(region: .englandAndWales).adding(workingDays: n, to: start)
        }
    }
}
