import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

@Suite("Dispute actions")
struct DisputeActionTests {
    static let practitioner = demo("practitioner.csc", "oldham")

    /// Opens the action's form, then submits it with its hidden fields and these answers.
    static func act(
        _ browser: Browser, _ id: UUID, _ action: DisputeAction, _ fields: [String: String],
        repeated: (Browser.Page) -> [(String, String)] = { _ in [] }
    ) async throws -> Browser.Page {
        let path = "/disputes/\(id)/\(action.rawValue)"
        let form = try await browser.get(path)
        #expect(form.status == .ok, "GET \(path)")
        var answers = fields
        for name in ["version", "token", "id-1"] { answers[name] = answers[name] ?? form.hidden(name) }
        return try await browser.post(path, answers, repeated: repeated(form))
    }

    static func all(_ name: String) -> (Browser.Page) -> [(String, String)] {
        { page in page.options(name).map { (name, $0.value) } }
    }

    static let meeting = [
        "held-day": "23", "held-month": "11", "held-year": "2026", "method": "meeting",
        "summary": "Met with health; no agreement on the assessment",
    ]

    @Test func aDisputeGoesThroughItsStepsToClosure() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let done = "/disputes/\(id)?done=recorded"

            let discussion = try await Self.act(
                browser, id, .recordDiscussion, Self.meeting, repeated: Self.all("participants[]"))
            #expect(discussion.location == done)
            // Only minutes show Oldham's resolution meeting was held.
            let minutesForm = try await browser.get("/disputes/\(id)/meeting-minutes")
            let minuted = try await browser.post(
                "/disputes/\(id)/meeting-minutes", MeetingTests.minutes(minutesForm),
                repeated: minutesForm.options("attendees[]").map { ("attendees[]", $0.value) })
            #expect(minuted.location == done)
            let plan = try await Self.act(
                browser, id, .agreePlan,
                [
                    "action-1": "Share the health visitor's notes", "due-1-day": "27", "due-1-month": "11",
                    "due-1-year": "2026",
                ]
            ) { page in [("owner-1", page.options("owner-1").first?.value ?? "")] }
            #expect(plan.location == done)
            let records = try await Self.act(
                browser, id, .recordStageRecords, ["outcome": "Not agreed; escalating", "learning-identified": "no"])
            #expect(records.location == done)
            let escalated = try await Self.act(browser, id, .escalate, ["reason": "Team managers could not agree"]) {
                page in
                [("people[]", page.options("people[]").first?.value ?? "")]
            }
            #expect(escalated.location == done)

            let page = try await browser.get(done)
            #expect(page.body.contains("Saved to the dispute&#39;s record"))
            #expect(page.element("current-stage")?.contains("Stage 2: Head of Service") == true)
            let timeline = try #require(page.element("timeline"))
            for entry in [
                "Discussion recorded", "Plan of action agreed", "Share the health visitor&#39;s notes",
                "Stage records recorded", "Not agreed; escalating", "Escalated to Stage 2: Head of Service",
                "Team managers could not agree",
            ] {
                #expect(timeline.contains(entry), "timeline lacks \(entry)")
            }

            let resolved = try await Self.act(
                browser, id, .resolve, ["outcome": "Joint assessment agreed", "follow-up": "Plan reviewed in a week"],
                repeated: Self.all("agreed-by[]"))
            #expect(resolved.location == done)
            let closed = try await Self.act(browser, id, .close, ["note": "Done"])
            #expect(closed.location == done)
            let end = try await browser.get("/disputes/\(id)")
            #expect(end.body.contains("Nothing more can be done: this dispute is closed."))
            #expect(end.element("timeline")?.contains("Resolved") == true)
            #expect(end.element("timeline")?.contains("Joint assessment agreed") == true)
            #expect(try await h.load(id).state.status == .closed)
            #expect(try await browser.get("/disputes/\(id)/record-discussion").status != .ok)
        }
    }

    @Test func aFormOpenedBeforeAnotherChangeIsShownAgainWithTheChange() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let stale = try await browser.get("/disputes/\(id)/record-discussion")
            let version = try #require(stale.hidden("version"))
            let participants = stale.options("participants[]").map { ("participants[]", $0.value) }

            let other = try await h.signedIn(demo("practitioner.health", "oldham"))
            let records = try await Self.act(other, id, .recordStageRecords, ["outcome": "Health's view recorded"])
            #expect(records.status == .seeOther)
            let current = try await h.load(id).state.version

            var fields = Self.meeting
            fields["version"] = version
            fields["token"] = stale.hidden("token")
            let page = try await browser.post("/disputes/\(id)/record-discussion", fields, repeated: participants)
            #expect(page.status == .unprocessableEntity)
            let changes = try #require(page.element("changes"))
            #expect(changes.contains("This dispute changed since you opened this form"))
            #expect(changes.contains("Stage records recorded"))
            #expect(changes.contains(try await h.account(demo("practitioner.health", "oldham")).name))
            #expect(page.hidden("version") == String(current))
            #expect(page.body.contains("no agreement on the assessment"), "the answers were lost")
            #expect(try await h.load(id).state.version == current)
            #expect(try await h.load(id).state.currentStage.discussions.isEmpty)

            // Submitting the refreshed form records it.
            fields["version"] = page.hidden("version")
            let again = try await browser.post("/disputes/\(id)/record-discussion", fields, repeated: participants)
            #expect(again.status == .seeOther)
            #expect(try await h.load(id).state.currentStage.discussions.count == 1)
        }
    }

    @Test func theEngineRefusesToLeaveAStageWithoutItsRecords() async throws {
        try await WebHarness.with { h in
            let dispute = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            let browser = try await h.signedIn(Self.practitioner)
            let page = try await Self.act(browser, dispute.id, .escalate, ["reason": "No progress"]) { form in
                [("people[]", form.options("people[]").first?.value ?? "")]
            }
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.errorSummary)
            #expect(summary.contains("href=\"#reason\""))
            #expect(
                summary.contains(
                    "“Stage 1: Team Manager or agency equivalent” cannot be left without its records: the outcome"))
            #expect(!summary.contains("team-manager"), "the refusal names the stage by its id")
            #expect(page.body.contains("No progress"))
            #expect(try await h.load(dispute.id).state.version == dispute.version)
        }
    }

    @Test func missingAnswersAreListedAgainstTheirQuestions() async throws {
        try await WebHarness.with { h in
            let dispute = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            let browser = try await h.signedIn(Self.practitioner)
            let page = try await Self.act(browser, dispute.id, .escalate, [:])
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.errorSummary)
            #expect(summary.contains("<a href=\"#reason\">Enter why this needs to escalate</a>"))
            #expect(summary.contains("<a href=\"#people\">Select who will take part at the next stage</a>"))
            #expect(page.body.contains("id=\"people\""))
            #expect(try await h.load(dispute.id).state.version == dispute.version)
        }
    }

    @Test func theSameActionFormSubmittedTwiceTakesEffectOnce() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let form = try await browser.get("/disputes/\(id)/report-significant-harm")
            let fields = [
                "concern": "Bruising seen", "version": form.hidden("version") ?? "",
                "token": form.hidden("token") ?? "",
            ]
            let first = try await browser.post("/disputes/\(id)/report-significant-harm", fields)
            let second = try await browser.post("/disputes/\(id)/report-significant-harm", fields)
            #expect(first.location == "/disputes/\(id)?done=recorded")
            #expect(second.location == "/disputes/\(id)?done=duplicate")
            #expect(try await h.load(id).state.significantHarm.count == 1)
            #expect(try await browser.get("/disputes/\(id)").element("significant-harm-guidance") != nil)
        }
    }

    @Test func postsWithoutTheSessionTokenChangeNothing() async throws {
        try await WebHarness.with { h in
            let dispute = try await h.dispute(in: "oldham", stage: "team-manager", category: .assessment)
            let browser = try await h.signedIn(Self.practitioner)
            let form = try await browser.get("/disputes/\(dispute.id)/report-significant-harm")
            let path = "/disputes/\(dispute.id)/report-significant-harm"
            for csrf in ["", "not-the-token", String(repeating: "A", count: 43)] {
                let page = try await browser.post(
                    path, ["concern": "x", "version": form.hidden("version") ?? "", "csrf": csrf])
                #expect(page.status == .forbidden, "csrf \(csrf)")
                #expect(page.body.contains("This form has expired"))
            }
            let bare = try await h.raw(
                .POST, path, cookie: browser.sessionCookie, body: "concern=x&version=\(dispute.version)")
            #expect(bare.status == .forbidden)
            #expect(try await h.load(dispute.id).state.version == dispute.version)
            #expect(try await browser.get("/disputes/\(dispute.id)").status == .ok, "the session should survive")
        }
    }
}
