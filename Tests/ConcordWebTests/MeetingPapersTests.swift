import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Meeting papers after the stage moves on")
struct MeetingPapersTests {
    /// Oldham's stage 1 meeting scheduled, minuted, then the dispute escalated to stage 2, which
    /// has no meeting.
    static func escalatedAfterAMeeting(_ h: WebHarness, _ browser: Browser) async throws -> UUID {
        let id = try await MeetingTests.scheduled(h, browser)
        let minutesForm = try await browser.get("/disputes/\(id)/meeting-minutes")
        let minuted = try await browser.post(
            "/disputes/\(id)/meeting-minutes", MeetingTests.minutes(minutesForm),
            repeated: minutesForm.options("attendees[]").map { ("attendees[]", $0.value) })
        #expect(minuted.status == .seeOther)
        let steps: [(DisputeAction, [String: String], (Browser.Page) -> [(String, String)])] = [
            (
                .agreePlan,
                PlanOfActionTests.action(1, "Share the health visitor's notes", owner: ""),
                { page in [("owner-1", page.options("owner-1").first?.value ?? "")] }
            ),
            (.recordStageRecords, ["outcome": "Not agreed; escalating", "learning-identified": "no"], { _ in [] }),
            (
                .escalate, ["reason": "Team managers could not agree"],
                { page in [("people[]", page.options("people[]").first?.value ?? "")] }
            ),
        ]
        for (action, fields, repeated) in steps {
            var answers = fields
            answers["owner-1"] = nil
            let response = try await DisputeActionTests.act(browser, id, action, answers, repeated: repeated)
            #expect(response.status == .seeOther, "\(action)")
        }
        #expect(try await h.load(id).state.currentStage.stage == "head-of-service")
        return id
    }

    @Test("“Agenda template”: an earlier meeting's agenda stays reachable from the record once the stage has moved on")
    func anEarlierMeetingsAgendaStaysReachable() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(MeetingTests.practitioner)
            let id = try await Self.escalatedAfterAMeeting(h, browser)

            let record = try await browser.get("/disputes/\(id)/record")
            let papers = try #require(record.element("meeting-papers"))
            let agendaPath = "/disputes/\(id)/meetings/M1/agenda"
            #expect(papers.contains(agendaPath))
            #expect(papers.contains("/disputes/\(id)/meetings/M1/invitation.ics"))

            let agenda = try await browser.get(agendaPath)
            #expect(agenda.status == .ok)
            #expect(agenda.body.contains("Stage 1: Team Manager or agency equivalent"))
            #expect(agenda.body.contains("Thursday 26 November 2026"))
            #expect(!agenda.body.contains("Record the meeting&#39;s minutes"), "minutes offered for a past stage")

            let earlierLink = try await browser.get("/disputes/\(id)/meeting/agenda")
            #expect(earlierLink.status == .ok, "the agenda link sent earlier now says page not found")
            #expect(earlierLink.body.contains("Stage 1: Team Manager or agency equivalent"))
            #expect(try await browser.get("/disputes/\(id)/meetings/M9/agenda").status == .notFound)
        }
    }
}
