import Foundation
import Testing

@testable import ConcordCore

/// What each step of a dispute asks Concord to write, and what a letter may say.
@Suite struct NoticePlannerTests {
    func planner(_ policy: String) throws -> (NoticePlanner, DisputeEngine) {
        let engine = try builtInEngine(policy)
        return (NoticePlanner(policy: engine.policy, disputeID: "d1"), engine)
    }

    @Test func raisingNamesEveryoneAndSunderlandAlertsOnSignificantHarm() throws {
        let (planner, engine) = try planner("sunderland")
        var command = Parties.raise()
        command.reference = "SUN-2026-0001"
        command.significantHarm = true
        let events = try engine.raise(command, at: noon(LocalDate(iso: "2026-12-01")!))
        let state = try #require(DisputeState.replay(events.map { ($0, noon(LocalDate(iso: "2026-12-01")!)) }))
        let notices = planner.notices(for: events, firstVersion: 1, state: state, actor: command.raisedBy)
        #expect(notices.map(\.kind) == [.named, .significantHarm])
        #expect(notices[0].audience == .people([command.raisedBy] + command.professionals) && !notices[0].urgent)
        #expect(notices[1].urgent)
        #expect(
            notices[1].audience
                == .safeguardingContacts(of: command.raisedBy, targets: [.lineManager, .designatedSafeguardingLead]))
        #expect(Set(notices.map(\.key)).count == 2)
        #expect(notices[0].content.details.isEmpty == false)
    }

    @Test func oldhamsConfirmationSubjectsComeFromThePolicy() throws {
        let (planner, engine) = try planner("oldham")
        var command = Parties.raise()
        command.reference = "OLD-2026-0001"
        let day = LocalDate(iso: "2026-12-01")!
        let events = try engine.raise(command, at: noon(day))
        var state = try #require(DisputeState.replay(events.map { ($0, noon(day)) }))
        let discussion = try engine.decide(
            .recordDiscussion(heldOn: day, method: .telephone, participants: Parties.bothSides, summary: "Talked"),
            on: state, at: noon(day))
        for event in discussion { state.apply(event, at: noon(day)) }
        let notice = try #require(
            planner.notices(for: discussion, firstVersion: 3, state: state, actor: Parties.socialWorker).first)
        #expect(
            notice.subject
                == "Stage 1 discussion following the partnership resolution policy – OLD-2026-0001: record of the discussion on 1 December 2026"
        )
        #expect(notice.kind == .confirmation)
        #expect(notice.content.details.first?.lines == ["Talked"])
    }

    /// A policy without a fixed subject names the stage entered once:
    /// "FSF-2026-0012: Escalated to Stage 2 – Direct Manager to Manager Discussion".
    @Test func anEscalationSubjectNamesTheStageOnce() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: ukDate("2026-12-21"))
        try dispute.run(
            .agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: ukDate("2026-12-22"))]))
        try dispute.run(.completeAction(id: "a1", note: nil))
        let events = try dispute.run(
            .escalate(
                reason: "Stuck", evidence: "Met twice", people: [Parties.councilManager, Parties.policeManager]),
            on: ukDate("2026-12-23"))
        let planner = NoticePlanner(policy: dispute.engine.policy, disputeID: "d1")
        let notices = planner.notices(
            for: events, firstVersion: dispute.state.version - events.count + 1, state: dispute.state,
            actor: Parties.socialWorker)
        let started = try #require(notices.first { $0.kind == .stageStarted })
        let title = "Stage 2 – Direct Manager to Manager Discussion"
        #expect(started.subject == "\(dispute.state.reference): Escalated to \(title)")
        #expect(started.subject.components(separatedBy: "Stage 2").count == 2, "\(started.subject)")
    }

    @Test func aLetterWithoutChildDetailsLeavesOutWhatWasWrittenAboutTheChild() {
        let notice = Notice(
            kind: .confirmation, audience: .everyoneInvolved, subject: "REF: subject",
            content: NoticeContent(
                lead: "Lead", facts: [NoticeContent.Fact("Reference", "REF")],
                details: [NoticeContent.Section("Record", ["Child <b>Z</b> said"])], children: ["Child Z"]),
            key: "k")
        let plain = NoticeLetter(
            notice, to: "Ann", disclosure: .withoutChildDetails, link: "https://x/d", partnership: "P")
        #expect(!plain.text.contains("Child Z") && !plain.html.contains("Child"))
        #expect(plain.text.contains("Reference: REF") && plain.text.contains("https://x/d"))
        let full = NoticeLetter(notice, to: "Ann", disclosure: .full, link: "https://x/d", partnership: "P")
        #expect(full.text.contains("Child Z") && full.text.contains("Child <b>Z</b> said"))
        #expect(full.html.contains("Child &lt;b&gt;Z&lt;/b&gt; said") && !full.html.contains("<b>Z"))
    }
}

/// Oldham: "Minutes from resolution meeting to be shared with head of service".
@Suite struct MinutesSharedOnEscalationTests {
    @Test func theEscalationNoticeCarriesTheEarlierStagesMinutes() throws {
        let meetings = MeetingTests()
        var dispute = try DisputeHarness("oldham", on: meetings.monday)
        _ = try dispute.run(meetings.schedule())
        _ = try dispute.run(meetings.minutes(), on: meetings.thursday)
        _ = try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")), on: meetings.thursday)
        let events = try dispute.run(
            .escalate(reason: "No agreement at the meeting", evidence: nil, people: [Parties.councilSenior]),
            on: meetings.thursday)
        let planner = NoticePlanner(policy: try #require(PolicyLibrary.builtIn("oldham")), disputeID: "d1")
        let notices = planner.notices(
            for: events, firstVersion: dispute.state.version - events.count + 1, state: dispute.state,
            actor: Parties.socialWorker)
        let started = try #require(notices.first { $0.kind == .stageStarted })
        #expect(started.subject.hasPrefix("Stage 2 escalation following the partnership resolution policy"))
        let heading = "Minutes of the resolution meeting held on 4 February 2027"
        #expect(started.content.facts.contains(NoticeContent.Fact("Minutes shared with this stage", heading)))
        let minutes = try #require(started.content.details.first { $0.heading == heading })
        #expect(minutes.lines.contains("Police's view: No threshold met"))
        #expect(minutes.lines.contains("Agreed action: Joint visit – Tina Moss, by 10 February 2027"))
    }
}
