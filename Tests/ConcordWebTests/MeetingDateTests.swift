import ConcordCore
import Foundation
import Testing

@testable import ConcordWeb

@Suite("Meeting and discussion dates")
struct MeetingDateTests {
    static func schedule(on day: String, month: String = "11") -> [String: String] {
        var fields = MeetingTests.schedule
        fields["date-day"] = day
        fields["date-month"] = month
        return fields
    }

    @Test("“within 5 working days”: a meeting on a Saturday is queried once, then scheduled as asked")
    func aWeekendMeetingIsWarnedAboutThenAllowed() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(MeetingTests.practitioner)
            let id = try await h.raise(as: browser)
            let path = "/disputes/\(id)/\(DisputeAction.scheduleMeeting.rawValue)"
            let invited = DisputeActionTests.all("invited[]")
            let warned = try await DisputeActionTests.act(
                browser, id, .scheduleMeeting, Self.schedule(on: "28"), repeated: invited)
            #expect(warned.status == .ok)
            let warning = try #require(warned.element("warning"))
            #expect(warning.contains("28 November 2026 is a Saturday"))
            #expect(try await h.load(id).state.meetings.isEmpty, "scheduled before the warning was seen")

            var fields = Self.schedule(on: "28")
            for name in ["version", "token", "confirm"] { fields[name] = warned.hidden(name) }
            let scheduled = try await browser.post(path, fields, repeated: invited(warned))
            #expect(scheduled.status == .seeOther)
            #expect(try await h.load(id).state.meetings.first?.date == LocalDate(year: 2026, month: 11, day: 28))
        }
    }

    @Test("A meeting on a bank holiday or one of the partnership's closure days is queried; a working day is not")
    func bankHolidaysAndClosureDaysAreQueried() throws {
        let closure = try #require(LocalDate(year: 2026, month: 12, day: 29))
        let calendar = WorkingCalendar(region: .englandAndWales, closureDays: [closure])
        let person = PersonRef(id: "p", name: "P", agency: AgencyRef(id: "a", name: "A"), level: .practitioner)
        func meeting(_ day: Int, month: Int = 12) -> ScheduleMeeting {
            ScheduleMeeting(
                date: LocalDate(year: 2026, month: month, day: day)!, start: MeetingTime(hour: 10, minute: 0)!,
                durationMinutes: 60, location: "Room 2", invited: [person], organiser: person)
        }
        let now = WebHarness.monday
        #expect(
            MeetingDateWarning.warning(for: meeting(25), calendar: calendar, now: now)?.contains("Christmas Day")
                == true)
        #expect(
            MeetingDateWarning.warning(for: meeting(29), calendar: calendar, now: now)?.contains("closure days") == true
        )
        #expect(MeetingDateWarning.warning(for: meeting(1), calendar: calendar, now: now) == nil)
        // The frozen clock reads 10:00 on Monday 23 November.
        var early = meeting(23, month: 11)
        early.start = MeetingTime(hour: 9, minute: 30)!
        #expect(
            MeetingDateWarning.warning(for: early, calendar: calendar, now: now)?.contains("already passed") == true)
    }

    @Test("A meeting cannot be scheduled in the past, and a discussion cannot be dated in the future")
    func pastMeetingsAndFutureDiscussionsAreRefused() async throws {
        try await WebHarness.with { h in
            let browser = try await h.signedIn(MeetingTests.practitioner)
            let id = try await h.raise(as: browser)
            let past = try await DisputeActionTests.act(
                browser, id, .scheduleMeeting, Self.schedule(on: "20"), repeated: DisputeActionTests.all("invited[]"))
            #expect(past.status == .unprocessableEntity)
            #expect(past.errorSummary?.contains("cannot be scheduled in the past") == true)

            var discussion = DisputeActionTests.meeting
            discussion["held-day"] = "24"
            let future = try await DisputeActionTests.act(
                browser, id, .recordDiscussion, discussion, repeated: DisputeActionTests.all("participants[]"))
            #expect(future.status == .unprocessableEntity)
            #expect(future.errorSummary?.contains("once it has taken place") == true)
            #expect(try await h.load(id).state.currentStage.discussions.isEmpty)
        }
    }
}
