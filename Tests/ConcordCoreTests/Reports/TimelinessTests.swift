import ConcordCore
import Testing

/// Working days on England's calendar over Christmas and New Year 2026, with two partnership
/// closure days: 25 and 28 December and 1 January are bank holidays (Boxing Day falls on a
/// Saturday, so its substitute is Monday 28th), 31 December and 4 January are closed.
@Suite struct TimelinessTests {
    static let calendar = WorkingCalendar(
        region: .englandAndWales, closureDays: [LocalDate(iso: "2026-12-31")!, LocalDate(iso: "2027-01-04")!])

    static func finished(_ from: String, _ on: String, _ within: Bool?, _ count: Int = 1) -> Timeliness.Finished {
        Timeliness.Finished(from: LocalDate(iso: from)!, on: LocalDate(iso: on)!, withinTimescale: within, count: count)
    }

    @Test func workingDaysTakenSkipChristmasNewYearAndClosureDays() throws {
        // 22 Dec to 5 Jan: 23, 24, 29, 30 December and 5 January.
        let five = try Timeliness.of(
            entered: 1, finished: [Self.finished("2026-12-22", "2027-01-05", true)], timed: true,
            calendar: Self.calendar)
        #expect(five.medianWorkingDays == 5)
        #expect(five.withinTimescale == 1 && five.late == 0)
    }

    @Test func medianAveragesTheTwoMiddleValuesAndP90IsTheNearestRank() throws {
        // 2, 5 and 7 working days: median 5; the 90th percentile's rank is ⌈2.7⌉ = 3, so 7.
        let odd = try Timeliness.of(
            entered: 4,
            finished: [
                Self.finished("2026-12-24", "2026-12-30", true),
                Self.finished("2026-12-22", "2027-01-05", true),
                Self.finished("2026-12-23", "2027-01-08", false),
            ], timed: true, calendar: Self.calendar)
        #expect(odd == Timeliness(entered: 4, withinTimescale: 2, late: 1, medianWorkingDays: 5, p90WorkingDays: 7))
        // 2, 2, 5 and 7 (one group of two): median (2 + 5) / 2; rank ⌈3.6⌉ = 4, so 7.
        let even = try Timeliness.of(
            entered: 4,
            finished: [
                Self.finished("2026-12-24", "2026-12-30", true, 2),
                Self.finished("2026-12-22", "2027-01-05", true),
                Self.finished("2026-12-23", "2027-01-08", false),
            ], timed: true, calendar: Self.calendar)
        #expect(even.medianWorkingDays == 3.5 && even.p90WorkingDays == 7 && even.withinTimescale == 3)
    }

    @Test func aStageWithoutATimescaleCountsOnlyThoseWhoEnteredIt() throws {
        let untimed = try Timeliness.of(
            entered: 3, finished: [Self.finished("2026-12-21", "2026-12-23", nil)], timed: false,
            calendar: Self.calendar)
        #expect(
            untimed
                == Timeliness(entered: 3, withinTimescale: nil, late: nil, medianWorkingDays: nil, p90WorkingDays: nil))
        let noneFinished = try Timeliness.of(entered: 2, finished: [], timed: true, calendar: Self.calendar)
        #expect(
            noneFinished
                == Timeliness(entered: 2, withinTimescale: 0, late: 0, medianWorkingDays: nil, p90WorkingDays: nil))
    }

    @Test func csvIsRFC4180WithFormulasNeutralisedAndSmallCountsHiddenForPublication() {
        let table = ReportTable(
            id: "t", title: "T", headers: ["Agency", "Disputes"],
            rows: [
                [.text("=HYPERLINK(\"http://x\")"), .count(3)],
                [.text("Police, North"), .count(12)],
                [.text("+44 line\nbreak"), .count(0)],
                [.text("@SUM(A1)"), .days(2.5)],
                [.text("-1"), .days(nil)],
            ])
        #expect(
            CSVWriter.csv(table)
                == "\u{FEFF}Agency,Disputes\r\n\"'=HYPERLINK(\"\"http://x\"\")\",3\r\n\"Police, North\",12\r\n"
                + "\"'+44 line\nbreak\",0\r\n'@SUM(A1),2.5\r\n'-1,n/a\r\n")
        let published = CSVWriter.csv(table, publication: true)
        #expect(published.contains(",fewer than 5\r\n") && published.contains(",not shown\r\n"))
        #expect(published.contains(",0\r\n"))
    }

    /// With one count under 5 in a column, the next smallest is withheld too: otherwise the
    /// total less the others would give it away.
    @Test func publicationWithholdsTheNextSmallestWhereOneCountWouldBeGivenAway() {
        let ended = ReportTable(
            id: "ended", title: "How they ended", headers: ["Outcome", "Disputes"],
            rows: [
                [.text("Resolved"), .count(33)], [.text("Withdrawn"), .count(7)], [.text("Still open"), .count(4)],
            ])
        #expect(
            CSVWriter.csv(ended, publication: true)
                == "\u{FEFF}Outcome,Disputes\r\nResolved,33\r\nWithdrawn,not shown\r\nStill open,fewer than 5\r\n")
        let two = ReportTable(
            id: "ended", title: "", headers: ["Outcome", "Disputes"],
            rows: [
                [.text("Resolved"), .count(33)], [.text("Withdrawn"), .count(2)], [.text("Still open"), .count(4)],
            ])
        #expect(two.forPublication == two, "two hidden already hide each other")
        let summary = ReportTable(
            id: "summary", title: "", headers: ["Figure", "Disputes"],
            rows: [[.text("Raised"), .count(40)], [.text("Significant harm"), .count(3)]])
        #expect(summary.forPublication == summary, "the summary's figures are not parts of a total")
        #expect(CSVWriter.field("a\r\nb\rc") == "\"a\nb\nc\"", "a carriage return only ever ends a record")
    }
}
