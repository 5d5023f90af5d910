import ConcordCore
import ConcordDemo
import ConcordStore
import DatabaseTestSupport
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Reports")
struct ReportsPageTests {
    static let office = demo("business-office", "oldham")
    /// 1 December 2026 to 31 January 2027, `ChristmasReport`'s period.
    static let christmas =
        "period=dates&from-day=1&from-month=12&from-year=2026&to-day=31&to-month=1&to-year=2027"

    /// A table's rows as text, its first cell (the row's heading) and then each figure.
    static func rows(_ page: Browser.Page, _ id: String) -> [[String]] {
        guard let table = page.element("\(id)-table"), let body = table.range(of: "<tbody") else { return [] }
        let cell = try! Regex("<t[hd][^>]*>(?:<bdi>)?([^<]*)(?:</bdi>)?</t[hd]>")
        return table[body.lowerBound...].components(separatedBy: "</tr>").dropLast().map { row in
            row.matches(of: cell).compactMap { $0.output[1].substring.map(String.init) }
        }
    }

    /// The figures worked out by hand in `ChristmasReport`, on the page, in its CSV and in the
    /// CSV for publication, on both databases.
    @Test(arguments: WebBackend.allCases)
    func theFiguresWorkedOutByHandAreOnThePageAndInItsCSV(_ backend: WebBackend) async throws {
        try await WebHarness.with(seed: false, backend: backend) { h in
            _ = try await ChristmasReport.seed(h.database, passwordHash: try Bcrypt.hash(DemoData.password, cost: 4))
            h.clock.advance(by: LondonTime.startOfDay(ChristmasReport.today).timeIntervalSince(h.clock.now()) + 36_000)
            let browser = try await h.signedIn(ChristmasReport.officeEmail)
            let page = try await browser.get("/partnerships/christmas/reports?\(Self.christmas)")
            #expect(page.status == .ok)
            #expect(page.title == "Christmas Safeguarding Partnership: reports – Concord")
            #expect(page.element("report-period")?.contains("1 December 2026 to 31 January 2027") == true)
            let stages = Self.rows(page, "stages")
            #expect(
                stages.map { $0.dropFirst() }
                    == [
                        ["5", "no timescale", "n/a", "n/a", "n/a", "1", "1", "0"],
                        ["4", "2", "1", "5", "7", "3", "1", "1"],
                        ["1", "no timescale", "n/a", "n/a", "n/a", "1", "0", "0"],
                        ["0", "no timescale", "n/a", "n/a", "n/a", "0", "0", "0"],
                    ])
            #expect(
                Self.rows(page, "ended") == [
                    ["Resolved", "2"], ["Referred onward", "0"], ["Withdrawn", "1"], ["Still open", "2"],
                ])
            #expect(Self.rows(page, "months") == [["December 2026", "5", "2"], ["January 2027", "0", "1"]])
            #expect(Self.rows(page, "category") == [["Threshold decision", "4"], ["Plan or intervention", "1"]])
            #expect(Self.rows(page, "summary").first == ["Raised in the period", "5"])
            // Each chart comes before the table with its figures, and says what it shows.
            let chart = try #require(page.element("stages"))
            #expect(chart.contains("<title id=\"chart-stages-title\">Stages finished within their timescale, and late"))
            #expect(chart.range(of: "<svg")!.lowerBound < chart.range(of: "<table")!.lowerBound)

            let csvPath = try #require(page.hrefs.first { $0.contains("/reports/csv/stages") })
            let csv = try await browser.get(csvPath.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description == "text/csv; charset=utf-8")
            #expect(
                csv.headers.first(name: .contentDisposition)?.contains("christmas-2026-12-01-to-2027-01-31-stages.csv")
                    == true)
            let lines = csv.body.components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("\u{FEFF}Stage,Entered,Within timescale,Late,Median working days"))
            #expect(lines[2].hasSuffix(",4,2,1,5,7,3,1,1"))
            let published = try await browser.get(
                "/partnerships/christmas/reports/csv/stages?\(Self.christmas)&publication=yes")
            #expect(
                published.body.components(separatedBy: "\r\n")[2].hasSuffix(
                    ",fewer than 5,fewer than 5,fewer than 5,5,7,fewer than 5,fewer than 5,fewer than 5"))
        }
    }

    @Test func theBoardReportPrintsTheSameFiguresAndItsPublicationVersionHidesSmallCounts() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.office)
            let reports = try await browser.get("/partnerships/oldham/reports?period=year&year=2026")
            #expect(reports.status == .ok)
            let board = try await browser.get("/partnerships/oldham/reports/board?period=year&year=2026")
            #expect(board.status == .ok)
            #expect(board.body.contains("Disputes raised from 1 April 2026 to 31 March 2027"))
            #expect(Self.rows(board, "stages") == Self.rows(reports, "stages"))
            #expect(board.body.contains("<svg"))
            let published = try await browser.get(
                "/partnerships/oldham/reports/board?period=year&year=2026&publication=yes")
            #expect(published.element("publication-note") != nil)
            #expect(!published.body.contains("<svg"), "bars would show counts under 5")
            let raised = try #require(Self.rows(reports, "summary").first?.last.flatMap { Int($0) })
            #expect(raised > 0)
            let shown = Self.rows(published, "summary").first?.last
            #expect(shown == (raised < 5 ? "fewer than 5" : String(raised)))
        }
    }

    @Test func aPeriodThatIsNotOneIsNamedAtItsField() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.office)
            let page = try await browser.get(
                "/partnerships/oldham/reports?period=dates&from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026"
            )
            #expect(page.status == .badRequest)
            #expect(page.body.contains("The first day must be a real date"))
            let backwards = try await browser.get(
                "/partnerships/oldham/reports?period=dates&from-day=2&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2026"
            )
            #expect(backwards.body.contains("The last day must be the same as or after the first day"))
            let century = try await browser.get(
                "/partnerships/oldham/reports?period=dates&from-day=1&from-month=1&from-year=1990&to-day=1&to-month=1&to-year=2026"
            )
            #expect(century.status == .badRequest && century.body.contains("A period can be at most 10 years"))
            #expect(try await browser.get("/partnerships/oldham/reports?category=nonsense").status == .badRequest)
            #expect(
                try await browser.get("/partnerships/oldham/reports/csv/stages?period=year&year=1").status == .notFound)
        }
    }

    @Test func onlyThePartnershipsOfficeScrutineerAndAuditorsReadItsReports() async throws {
        try await WebHarness.with { h in
            for email in [Self.office, demo("scrutineer", "oldham"), demo("auditor", "oldham")] {
                let browser = try await h.signedIn(email)
                #expect(try await browser.get("/partnerships/oldham/reports").status == .ok, "\(email)")
                #expect(try await browser.get("/partnerships/oldham/reports/csv/stages").status == .ok, "\(email)")
            }
            for email in [
                demo("practitioner.csc", "oldham"), demo("senior-manager.csc", "oldham"),
                demo("business-office", "sunderland"), demo("auditor", "coventry"), "admin@concord.example",
            ] {
                let browser = try await h.signedIn(email)
                for path in ["", "/csv/stages", "/board"] {
                    #expect(
                        try await browser.get("/partnerships/oldham/reports\(path)").status == .notFound, "\(email)")
                }
            }
            #expect(try await h.browser().get("/partnerships/oldham/reports").status != .ok)
        }
    }
}
