import Foundation
import Testing

/// `calendar add` and `calendar between` around Christmas 2026 in England and Wales: Friday
/// 25 December, Monday 28 December (Boxing Day's substitute) and Friday 1 January 2027 are
/// bank holidays.
@Suite struct CalendarAddTests {
    @Test func addOneFromSaturdayIsTheFirstWorkingDayAfterTheHolidays() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-26", "--days", "1")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-29\n")
        #expect(result.stderr == "")
    }

    @Test func addZeroOnAWorkingDayIsThatDay() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-24", "--days", "0")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-24\n")
    }

    @Test func addZeroOnABankHolidayIsTheNextWorkingDay() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-25", "--days", "0")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-29\n")
    }

    @Test func addNegativeCountsBackOverTheHolidays() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2027-01-04", "--days=-3")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-29\n")
        let before = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-29", "--days=-1")
        #expect(before.stdout == "2026-12-24\n")
    }

    /// The help says "negative counts back", so `--days -1` must be accepted as a value, as it
    /// is written in docs/calendar.md's table ("add −N working days").
    @Test func addNegativeAsASeparateArgument() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2027-01-04", "--days", "-1")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "2026-12-31\n")
    }

    @Test func repeatedClosuresAreAllSkipped() throws {
        let cli = try CLI()
        let two = try cli.run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21", "--days", "5",
            "--closure", "2026-12-29", "--closure", "2026-12-30")
        #expect(two.status == 0)
        #expect(two.stdout == "2027-01-04\n")
        let three = try cli.run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21", "--days", "5",
            "--closure", "2026-12-29", "--closure", "2026-12-30", "--closure", "2026-12-31")
        #expect(three.stdout == "2027-01-05\n")
    }

    @Test func regionsHaveTheirOwnHolidays() throws {
        // 2 January 2027 is a Saturday: Scotland keeps it on Monday 4 January.
        let scotland = try CLI().run("calendar", "add", "--region", "scotland", "--from", "2026-12-31", "--days", "1")
        #expect(scotland.stdout == "2027-01-05\n")
        let england = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-31", "--days", "1")
        #expect(england.stdout == "2027-01-04\n")
    }

    @Test func datesOutsideTheCalendarAreRefused() throws {
        let early = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "1994-12-31", "--days", "1")
        #expect(early.status == 1)
        #expect(early.stdout == "")
        #expect(early.stderr == "error: 1994-12-31 is outside the calendar Concord knows (1995-01-01 to 2100-12-31)\n")
        let late = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2100-12-31", "--days", "1")
        #expect(late.status == 1)
        #expect(late.stdout == "")
        #expect(late.stderr.contains("is outside the calendar Concord knows (1995-01-01 to 2100-12-31)"))
    }
}

@Suite struct CalendarBetweenTests {
    @Test func countsWorkingDaysAfterFromUpToTo() throws {
        let result = try CLI().run(
            "calendar", "between", "--region", "england-and-wales", "--from", "2026-12-21", "--to", "2026-12-30")
        #expect(result.status == 0)
        #expect(result.stdout == "5\n")
    }

    @Test func reversedIsNegative() throws {
        let result = try CLI().run(
            "calendar", "between", "--region", "england-and-wales", "--from", "2026-12-30", "--to", "2026-12-21")
        #expect(result.status == 0)
        #expect(result.stdout == "-5\n")
    }

    @Test func sameDayIsZero() throws {
        let result = try CLI().run(
            "calendar", "between", "--region", "england-and-wales", "--from", "2026-12-25", "--to", "2026-12-25")
        #expect(result.stdout == "0\n")
    }

    @Test func closuresAreNotCounted() throws {
        let cli = try CLI()
        let open = try cli.run(
            "calendar", "between", "--region", "england-and-wales", "--from", "2026-12-21", "--to", "2027-01-04")
        #expect(open.stdout == "7\n")
        let closed = try cli.run(
            "calendar", "between", "--region", "england-and-wales", "--from", "2026-12-21", "--to", "2027-01-04",
            "--closure", "2026-12-29", "--closure", "2026-12-30", "--closure", "2026-12-31")
        #expect(closed.stdout == "4\n")
    }

    @Test func inverseOfAdd() throws {
        let cli = try CLI()
        let added = try cli.run(
            "calendar", "add", "--region", "northern-ireland", "--from", "2027-07-09", "--days", "3")
        // 12 July 2027 (Battle of the Boyne) is a Monday holiday in Northern Ireland.
        #expect(added.stdout == "2027-07-15\n")
        let between = try cli.run(
            "calendar", "between", "--region", "northern-ireland", "--from", "2027-07-09", "--to", "2027-07-15")
        #expect(between.stdout == "3\n")
    }
}
