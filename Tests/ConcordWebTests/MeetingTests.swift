import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing
import Vapor

@testable import ConcordWeb

/// Oldham's resolution meeting in the web app: scheduling it, its calendar invitation, its
/// agenda, and its minutes entered as a dispute step.
@Suite("Resolution meetings")
struct MeetingTests {
    static let practitioner = DocumentTests.practitioner

    static let schedule = [
        "date-day": "26", "date-month": "11", "date-year": "2026", "start": "10:00", "duration": "90",
        "location": "Civic Centre, room 2; or join by video: meet.example/abc",
    ]

    static func scheduled(_ h: WebHarness, _ browser: Browser) async throws -> UUID {
        let id = try await h.raise(as: browser, child: DocumentTests.child)
        let response = try await DisputeActionTests.act(
            browser, id, .scheduleMeeting, schedule, repeated: DisputeActionTests.all("invited[]"))
        #expect(response.location == "/disputes/\(id)?done=recorded")
        return id
    }

    /// The minutes form's answers, with its hidden fields and the first owner it offers.
    static func minutes(
        _ form: Browser.Page, options: String = "A joint visit, or a strategy discussion"
    )
        -> [String: String]
    {
        [
            "version": form.hidden("version") ?? "", "token": form.hidden("token") ?? "",
            "held-day": "23", "held-month": "11", "held-year": "2026", "purpose": form.field("purpose") ?? "",
            "view-1": form.field("view-1") ?? "", "view-2": "Health sees no need for an assessment yet",
            "circumstances": form.field("circumstances") ?? "", "options": options,
            "action-1": "Joint home visit", "owner-1": form.options("owner-1").first?.value ?? "",
            "due-1-day": "30", "due-1-month": "11", "due-1-year": "2026",
            "review-day": "7", "review-month": "12", "review-year": "2026",
        ]
    }

    @Test func aScheduledMeetingHasACalendarInvitationWithoutTheChild() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.scheduled(h, browser)
            let reference = try await h.load(id).state.reference
            let page = try await browser.get("/disputes/\(id)")
            #expect(page.element("timeline")?.contains("Resolution meeting scheduled") == true)
            #expect(page.element("timeline")?.contains("Thursday 26 November 2026, 10:00 to 11:30") == true)
            let path = "/disputes/\(id)/meetings/M1/invitation.ics"
            #expect(page.element("documents")?.contains(path) == true)

            let ics = try await browser.get(path)
            #expect(ics.status == .ok)
            #expect(ics.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(ics.headers.first(name: .contentDisposition) == "attachment; filename=\"\(reference)-M1.ics\"")
            #expect(ics.body.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.body.hasSuffix("END:VCALENDAR\r\n"))
            let unfolded = ics.body.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("\r\nSUMMARY:\(reference): Resolution meeting\r\n"))
            #expect(unfolded.contains("\r\nDTSTART:20261126T100000Z\r\nDTEND:20261126T113000Z\r\n"))
            #expect(unfolded.contains("LOCATION:Civic Centre\\, room 2\\; or join by video: meet.example/abc"))
            #expect(unfolded.contains("ATTENDEE;CN="))
            #expect(!ics.body.contains(DocumentTests.child) && !ics.body.contains("Zebedee"))
            #expect(try await browser.get("/disputes/\(id)/meetings/M2/invitation.ics").status == .notFound)
        }
    }

    @Test func theAgendaIsFilledInFromTheDispute() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.scheduled(h, browser)
            let reference = try await h.load(id).state.reference
            let agenda = try await browser.get("/disputes/\(id)/meeting/agenda")
            #expect(agenda.status == .ok)
            #expect(agenda.title == "Agenda: Resolution meeting – \(reference) – Concord")
            let items = try #require(agenda.element("agenda"))
            for text in [
                "Introductions and apologies", "Purpose of the meeting", "Whether an assessment is needed",
                "The child&#39;s circumstances", DocumentTests.child, "Each agency&#39;s view", "Options",
                "Agreed actions, owners and timescales", "Date of review",
            ] {
                #expect(items.contains(text), "the agenda lacks \(text)")
            }
            #expect(agenda.element("agenda-details")?.contains("Thursday 26 November 2026, 10:00 to 11:30") == true)
            #expect(agenda.hrefs.contains("/disputes/\(id)/meeting-minutes"))
            // Sunderland's first step has no meeting.
            let sunderland = try await h.signedIn(demo("business-office", "sunderland"))
            let early = try #require(try await h.disputes(in: "sunderland").first { $0.currentStage == "frontline" })
            #expect(try await sunderland.get("/disputes/\(early.id)/meeting/agenda").status == .notFound)
        }
    }

    @Test func minutesEnteredInConcordJoinTheRecordOnce() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.scheduled(h, browser)
            let form = try await browser.get("/disputes/\(id)/meeting-minutes")
            #expect(form.status == .ok)
            #expect(form.field("purpose")?.contains("Whether an assessment is needed") == true)
            #expect(form.field("circumstances")?.contains(DocumentTests.child) == true)
            let reference = try await h.load(id).state.reference
            #expect(form.title == "Record the meeting&#39;s minutes – \(reference) – Concord")
            let answers = Self.minutes(form)
            let attended = form.options("attendees[]").map { ("attendees[]", $0.value) }
            #expect(!attended.isEmpty)
            let first = try await browser.post("/disputes/\(id)/meeting-minutes", answers, repeated: attended)
            #expect(first.errorSummary == nil, "the minutes were refused")
            #expect(first.location == "/disputes/\(id)?done=recorded")
            let second = try await browser.post("/disputes/\(id)/meeting-minutes", answers, repeated: attended)
            #expect(second.location == "/disputes/\(id)?done=duplicate")
            let state = try await h.load(id).state
            #expect(state.currentStage.minutes.count == 1)
            #expect(state.currentStage.minutes.first?.meetingID == "M1")
            #expect(state.currentStage.minutes.first?.minutes.actions.first?.action == "Joint home visit")

            let record = try await browser.get("/disputes/\(id)/record")
            for text in [
                "Minutes of the resolution meeting recorded", "A joint visit, or a strategy discussion",
                "Health sees no need for an assessment yet", "Joint home visit", "7 December 2026",
            ] {
                #expect(record.body.contains(text), "the record lacks \(text)")
            }
            // The minutes count as the meeting the stage requires.
            let requirements = try #require(try await browser.get("/disputes/\(id)").element("requirements"))
            let meeting = try #require(requirements.range(of: "Hold a resolution meeting"))
            let rest = requirements[meeting.upperBound...]
            let item = rest[..<(rest.range(of: "</li>")?.lowerBound ?? rest.endIndex)]
            #expect(item.contains("Completed"), "\(item)")
        }
    }

    @Test func minutesWithGapsAreShownAgainWithWhatIsMissing() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await Self.scheduled(h, browser)
            let form = try await browser.get("/disputes/\(id)/meeting-minutes")
            var answers = Self.minutes(form, options: "")
            answers["owner-1"] = ""
            let page = try await browser.post("/disputes/\(id)/meeting-minutes", answers)
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.errorSummary)
            #expect(summary.contains("Enter the options considered"))
            #expect(summary.contains("Select who will do agreed action 1"))
            #expect(page.field("view-2") == "Health sees no need for an assessment yet", "the answers were lost")
            #expect(try await h.load(id).state.currentStage.minutes.isEmpty)
        }
    }

    @Test func onlyAStageWithAMeetingOffersTheMeetingForms() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(Self.practitioner)
            let id = try await h.raise(as: browser)
            let page = try await browser.get("/disputes/\(id)")
            #expect(page.hrefs.contains("/disputes/\(id)/schedule-meeting"))
            #expect(page.hrefs.contains("/disputes/\(id)/meeting-minutes"))
            let sunderland = try await h.signedIn(demo("practitioner.csc", "sunderland"))
            let other = try await h.raise(as: sunderland, slug: "sunderland")
            #expect(try await sunderland.get("/disputes/\(other)/schedule-meeting").status == .conflict)
            #expect(try await sunderland.get("/disputes/\(other)/meeting-minutes").status == .conflict)
        }
    }
}

extension Browser.Page {
    /// A textarea's or text input's value, as the page shows it (HTML entities decoded).
    func field(_ name: String) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        let patterns = [
            "<textarea[^>]*name=\"\(escaped)\"[^>]*>([^<]*)</textarea>",
            "<input[^>]*name=\"\(escaped)\"[^>]*value=\"([^\"]*)\"",
        ]
        for pattern in patterns {
            if let match = body.firstMatch(of: try! Regex(pattern)), let text = match.output[1].substring {
                return String(text).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
                    of: "&quot;", with: "\""
                )
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        return nil
    }
}
