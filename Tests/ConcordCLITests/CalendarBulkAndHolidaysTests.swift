import Foundation
import Testing

/// `calendar add` reading "DATE N" lines from standard input: all or nothing.
@Suite struct CalendarBulkAddTests {
    @Test func printsOneDatePerLineInOrder() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales",
            stdin: "2026-12-21 5\n2026-12-25 0\n2027-01-04 -1\n2026-12-26 1\n")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-30\n2026-12-29\n2026-12-31\n2026-12-29\n")
        #expect(result.stderr == "")
    }

    @Test func acceptsALastLineWithoutNewlineAndExtraSpaces() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", stdin: "  2026-12-21   5  \n2026-12-21 1")
        #expect(result.status == 0)
        #expect(result.stdout == "2026-12-30\n2026-12-22\n")
    }

    @Test func appliesClosuresToEveryLine() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--closure", "2026-12-29", "--closure", "2026-12-30",
            stdin: "2026-12-21 5\n2026-12-24 1\n")
        #expect(result.status == 0)
        #expect(result.stdout == "2027-01-04\n2026-12-31\n")
    }

    @Test func everyBadLineIsReportedAndNothingIsPrinted() throws {
        let input = [
            "2026-12-21 5",
            "2026-13-01 2",
            "2026-12-21 five",
            "nonsense",
            "  2026-12-21   x",
            "1994-12-30 1",
            "2026-12-21 3",
        ]
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", stdin: input.joined(separator: "\n") + "\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            CLIOutput.stderrLines(result) == [
                "<stdin>:2:1: expected a real date as YYYY-MM-DD, found \"2026-13-01\"",
                "<stdin>:3:12: expected a whole number of working days, found \"five\"",
                "<stdin>:4:1: expected \"DATE N\" (a YYYY-MM-DD date, a space, a whole number), found \"nonsense\"",
                "<stdin>:5:16: expected a whole number of working days, found \"x\"",
                "<stdin>:6:1: 1994-12-30 is outside the calendar Concord knows (1995-01-01 to 2100-12-31)",
                "5 problems found",
            ])
    }

    @Test func aBadLastLineStillSuppressesEveryResult() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", stdin: "2026-12-21 5\n2026-12-22 1\n2026-12-23\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "<stdin>:3:1: expected \"DATE N\" (a YYYY-MM-DD date, a space, a whole number), found \"2026-12-23\"\n1 problem found\n"
        )
    }

    /// One date per input line: no input, no output (not a single empty line).
    @Test func emptyInputPrintsNothing() throws {
        let result = try CLI().run("calendar", "add", "--region", "england-and-wales", stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout == "")
    }
}

/// `calendar holidays`: the table and the JSON, from the official list or from the rules.
@Suite struct CalendarHolidaysTests {
    @Test func officialListYearAsATable() throws {
        let result = try CLI().run("calendar", "holidays", "--region", "england-and-wales", "--year", "2027")
        #expect(result.status == 0)
        #expect(
            CLIOutput.lines(result.stdout) == [
                "Bank holidays in England and Wales, 2027 (from GOV.UK's official list)",
                "",
                "Date        Day      Holiday                 Notes",
                "----------  -------  ----------------------  --------------",
                "2027-01-01  Friday   New Year’s Day",
                "2027-03-26  Friday   Good Friday",
                "2027-03-29  Monday   Easter Monday",
                "2027-05-03  Monday   Early May bank holiday",
                "2027-05-31  Monday   Spring bank holiday",
                "2027-08-30  Monday   Summer bank holiday",
                "2027-12-27  Monday   Christmas Day           Substitute day",
                "2027-12-28  Tuesday  Boxing Day              Substitute day",
            ])
    }

    @Test func rulesYearAsATable() throws {
        let result = try CLI().run("calendar", "holidays", "--region", "england-and-wales", "--year", "2040")
        #expect(result.status == 0)
        let lines = CLIOutput.lines(result.stdout)
        #expect(lines.first == "Bank holidays in England and Wales, 2040 (from the bank-holiday rules)")
        #expect(lines.contains("2040-01-02  Monday     New Year’s Day          Substitute day"))
        #expect(lines.contains("2040-12-26  Wednesday  Boxing Day"))
    }

    @Test func rulesYearAsJSON() throws {
        let result = try CLI().run(
            "calendar", "holidays", "--region", "england-and-wales", "--year", "2040", "--format", "json")
        #expect(result.status == 0)
        let json = try CLIOutput.object(result.stdout)
        #expect(json["region"] as? String == "england-and-wales")
        #expect(json["year"] as? Int == 2040)
        #expect(json["source"] as? String == "rules")
        let holidays = try #require(json["holidays"] as? [[String: Any]])
        #expect(
            holidays.compactMap { $0["date"] as? String } == [
                "2040-01-02", "2040-03-30", "2040-04-02", "2040-05-07", "2040-05-28", "2040-08-27", "2040-12-25",
                "2040-12-26",
            ])
        #expect(holidays.first?["title"] as? String == "New Year’s Day")
        #expect(holidays.first?["notes"] as? String == "Substitute day")
        #expect(holidays.last?["title"] as? String == "Boxing Day")
        #expect(holidays.last?["notes"] as? String == "")
    }

    @Test func officialListYearAsJSON() throws {
        let result = try CLI().run("calendar", "holidays", "--region", "scotland", "--year", "2027", "--format", "json")
        #expect(result.status == 0)
        let json = try CLIOutput.object(result.stdout)
        #expect(json["region"] as? String == "scotland")
        #expect(json["year"] as? Int == 2027)
        #expect(json["source"] as? String == "official-list")
        let holidays = try #require(json["holidays"] as? [[String: Any]])
        let dates = holidays.compactMap { $0["date"] as? String }
        #expect(dates.contains("2027-01-04"))
        #expect(dates.contains("2027-11-30"))
        #expect(!dates.contains("2027-03-29"))
        #expect(dates == dates.sorted())
    }

    @Test func yearOutsideTheCalendarIsRefused() throws {
        let result = try CLI().run("calendar", "holidays", "--region", "england-and-wales", "--year", "2101")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: year 2101 is outside the calendar Concord knows (1995 to 2100)\n")
    }
}
