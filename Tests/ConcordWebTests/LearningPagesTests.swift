import ConcordCore
import ConcordDemo
import ConcordStore
import DatabaseTestSupport
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Learning")
struct LearningPagesTests {
    static let office = demo("business-office", "oldham")

    /// The learning of `ChristmasReport`, as its office finds it, gives a theme to and reads in
    /// the board report, on both databases.
    @Test(arguments: WebBackend.allCases)
    func theOfficeGathersLearningByThemeAndGivesItThemes(_ backend: WebBackend) async throws {
        try await WebHarness.with(seed: false, backend: backend) { h in
            _ = try await ChristmasReport.seed(h.database, passwordHash: try Bcrypt.hash(DemoData.password, cost: 4))
            h.clock.advance(by: LondonTime.startOfDay(ChristmasReport.today).timeIntervalSince(h.clock.now()) + 36_000)
            let browser = try await h.signedIn(ChristmasReport.officeEmail)
            let path = "/partnerships/christmas/learning?\(ReportsPageTests.christmas)"
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.title == "Christmas Safeguarding Partnership: learning – Concord")
            let themes = try #require(page.element("learning-themes"))
            for row in ["Information not shared", "Thresholds understood differently", "Not yet given a theme"] {
                #expect(themes.contains(row))
            }
            #expect(!themes.contains("Old theme"), "retired, with no learning in the period")
            let texts = ["Chronologies were not shared", "The agencies read the threshold", "Escalate sooner"]
            let positions = texts.compactMap { page.body.range(of: $0)?.lowerBound }
            #expect(positions.count == 3 && positions == positions.sorted(), "newest first")

            // Only the learning without a theme, then given one.
            let untagged = try await browser.get(path + "&theme=none")
            #expect(
                untagged.body.contains("Escalate sooner") && !untagged.body.contains("Chronologies were not shared"))
            let pointPath = try #require(untagged.hrefs.first { $0.contains("/learning/disputes/") })
            let point = try await browser.get(pointPath)
            #expect(point.status == .ok)
            #expect(!point.body.contains("Old theme"), "a retired theme is not offered")
            let themeID = try #require(
                try await LearningRecords(h.database).themes(partnership: try await h.partnership("christmas").id)
                    .first { $0.title == "Information not shared" }?.id)
            let saved = try await browser.post(pointPath, [:], repeated: [("themes", themeID.uuidString.lowercased())])
            #expect(saved.status == .seeOther)
            let after = try await browser.get(pointPath)
            #expect(after.element("history-table")?.contains("Gave it the theme “Information not shared”") == true)
            #expect(after.element("history-table")?.contains("Christmas business office") == true)
            let none = try await browser.get(path + "&theme=none")
            #expect(none.body.contains("No learning recorded in the period."))

            // The board report carries the learning by theme and the actions.
            let board = try await browser.get("/partnerships/christmas/reports/board?\(ReportsPageTests.christmas)")
            #expect(
                ReportsPageTests.rows(board, "learning") == [
                    ["Information not shared", "2", "2"], ["Thresholds understood differently", "1", "1"],
                    ["Not yet given a theme", "0", "0"],
                ])
            #expect(
                ReportsPageTests.rows(board, "learning-actions") == [
                    [
                        "Briefing to schools", "Information not shared", "Head of Quality Assurance", "12 January 2027",
                        "Overdue",
                    ],
                    [
                        "Procedure revised", "Thresholds understood differently", "Head of Quality Assurance",
                        "10 January 2027", "Done on 8 January 2027",
                    ],
                ])
            let csv = try await browser.get(
                "/partnerships/christmas/reports/csv/learning-actions?\(ReportsPageTests.christmas)")
            #expect(csv.body.components(separatedBy: "\r\n")[0] == "\u{FEFF}Action,Theme,Owner,Due,Status")
        }
    }

    @Test func actionsAreRecordedCheckedMarkedDoneAndReopened() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.office)
            try await browser.get("/partnerships/oldham/learning/themes")
            #expect(
                try await browser.post("/partnerships/oldham/learning/themes", ["title": "Information shared too late"])
                    .status
                    == .seeOther)
            let duplicate = try await browser.post(
                "/partnerships/oldham/learning/themes", ["title": "information SHARED too late"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.contains("The partnership already has the theme"))

            let form = try await browser.get("/partnerships/oldham/learning/actions/new")
            let theme = try #require(
                form.body.firstMatch(of: try Regex("<option value=\"([0-9a-f-]{36})\""))?.output[1].substring)
            let wrong = try await browser.post(
                "/partnerships/oldham/learning/actions/new",
                [
                    "theme": String(theme), "action": "Briefing to schools", "owner": "", "due-day": "31",
                    "due-month": "2",
                    "due-year": "2027",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("Enter who owns the action"))
            #expect(wrong.body.contains("Briefing to schools"), "what was typed is kept")
            let added = try await browser.post(
                "/partnerships/oldham/learning/actions/new",
                [
                    "theme": String(theme), "action": "Briefing to schools", "owner": "Education safeguarding lead",
                    "due-day": "28", "due-month": "2", "due-year": "2027",
                ])
            #expect(added.status == .seeOther)
            let actionPath = try #require(added.location?.components(separatedBy: "?").first)
            let action = try await browser.get(actionPath)
            #expect(action.element("action-status")?.contains("Open") == true)
            // A "mark done" without its answers says what is missing, and the other forms still
            // show the action as it is.
            let incomplete = try await browser.post(actionPath + "/done", ["outcome": ""])
            #expect(incomplete.status == .unprocessableEntity)
            #expect(
                incomplete.body.contains("Enter the day it was done") && incomplete.body.contains("Enter what was done")
            )
            #expect(incomplete.body.contains("value=\"Education safeguarding lead\""))
            let today = LondonTime.date(of: h.clock.now())
            let done = try await browser.post(
                actionPath + "/done",
                [
                    "completed-day": String(today.day), "completed-month": String(today.month),
                    "completed-year": String(today.year), "outcome": "Briefings held in every cluster",
                ])
            #expect(done.status == .seeOther)
            let list = try await browser.get("/partnerships/oldham/learning/actions?list=done")
            #expect(list.element("actions")?.contains("Briefing to schools") == true)
            try await browser.get(actionPath)
            #expect(try await browser.post(actionPath + "/reopen", ["reason": ""]).status == .unprocessableEntity)
            #expect(
                try await browser.post(actionPath + "/reopen", ["reason": "One cluster missed"]).status == .seeOther)
            let history = try await browser.get(actionPath)
            let lines = try #require(history.element("history-table"))
            for change in [
                "Recorded the action", "Marked done on \(today.text): Briefings held", "Reopened: One cluster missed",
            ] {
                #expect(lines.contains(change), "\(change)")
            }
            #expect(
                try await browser.get("/partnerships/oldham/learning/actions?list=done&page=9223372036854775807").status
                    == .ok)
            #expect(try await browser.get("/partnerships/oldham/learning?page=9223372036854775807").status == .ok)
            try await browser.get("/partnerships/oldham/learning/themes")
            let hidden = try await browser.post("/partnerships/oldham/learning/themes", ["title": "Thresholds\u{202E}"])
            #expect(hidden.status == .unprocessableEntity)
            // Another partnership's office cannot reach this one's action through its own address.
            let foreign = try await h.signedIn(demo("business-office", "sunderland"))
            let sideways = actionPath.replacingOccurrences(of: "/oldham/", with: "/sunderland/")
            #expect(try await foreign.get(sideways).status == .notFound)
            try await foreign.get("/partnerships/sunderland/learning/actions")
            #expect(try await foreign.post(sideways + "/reopen", ["reason": "Not theirs"]).status == .notFound)
            // A form without its token changes nothing.
            let forged = try await browser.post(actionPath + "/done", ["csrf": "forged", "outcome": "x"])
            #expect(forged.status == .forbidden)
        }
    }

    @Test func theScrutineerAndAuditorsReadItAndNobodyElseSeesIt() async throws {
        try await WebHarness.with { h in
            let office = try await h.signedIn(Self.office)
            try await office.get("/partnerships/oldham/learning/themes")
            try await office.post("/partnerships/oldham/learning/themes", ["title": "Information shared too late"])
            let themes = try await office.get("/partnerships/oldham/learning/themes")
            let themePath = try #require(themes.hrefs.first { $0.contains("/learning/themes/") })
            let actions = try await office.get("/partnerships/oldham/learning/actions")
            let actionPath = try #require(
                actions.hrefs.first { $0.contains("/learning/actions/") && !$0.hasSuffix("/new") })
            for email in [demo("scrutineer", "oldham"), demo("auditor", "oldham")] {
                let browser = try await h.signedIn(email)
                for path in [
                    "/partnerships/oldham/learning", "/partnerships/oldham/learning/themes", themePath,
                    "/partnerships/oldham/learning/actions",
                ] {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(email) \(path)")
                    #expect(
                        !page.body.contains("method=\"post\" action=\"/partnerships"), "\(email) reads only: \(path)")
                }
                #expect(try await browser.get(actionPath).status == .ok, "\(email)")
                #expect(try await browser.get("/partnerships/oldham/learning/actions/new").status == .forbidden)
                for form in ["", "/done", "/reopen"] {
                    #expect(try await browser.post(actionPath + form, ["reason": "x"]).status == .forbidden, "\(form)")
                }
                #expect(
                    try await browser.post("/partnerships/oldham/learning/themes", ["title": "Mine"]).status
                        == .forbidden)
                #expect(try await browser.post(themePath, ["do": "retire"]).status == .forbidden)
            }
            for email in [
                demo("practitioner.csc", "oldham"), demo("senior-manager.csc", "oldham"),
                demo("business-office", "sunderland"), demo("auditor", "coventry"), "admin@concord.example",
            ] {
                let browser = try await h.signedIn(email)
                for path in [
                    "/partnerships/oldham/learning", "/partnerships/oldham/learning/themes", themePath,
                    "/partnerships/oldham/learning/actions",
                ] {
                    #expect(try await browser.get(path).status == .notFound, "\(email) \(path)")
                }
            }
            #expect(try await h.browser().get("/partnerships/oldham/learning").status != .ok)
        }
    }
}
