import Foundation
import Testing

@testable import ConcordCore

/// Coventry's stage 1: "if this is not achievable staff are responsible for immediately
/// notifying their line manager".
@Suite struct LineManagerNoticeTests {
    let day = LocalDate(iso: "2026-12-01")!

    @Test(
        "However, if this is not achievable staff are responsible for immediately notifying their line manager."
    )
    func coventrysFirstStageTellsTheLineManagerAtOnce() throws {
        var dispute = try DisputeHarness("coventry", on: day)
        let events = try dispute.run(.notifyLineManager(reason: " We could not agree on the referral "))
        guard case .lineManagerNotified(let notified) = try #require(events.first) else {
            Issue.record("expected line-manager-notified, got \(events)")
            return
        }
        #expect(notified.stage == "discussion" && notified.notifiedOn == day)
        #expect(notified.reason == "We could not agree on the referral")
        let notice = try #require(
            NoticePlanner(policy: dispute.engine.policy, disputeID: "d1").notices(
                for: events, firstVersion: dispute.state.version, state: dispute.state, actor: Parties.socialWorker
            ).first)
        #expect(notice.kind == .lineManagerTold && notice.urgent)
        #expect(notice.audience == .lineManager(of: Parties.socialWorker))
        #expect(notice.content.lead.contains("immediately"))
        #expect(notice.content.details.first?.lines == ["We could not agree on the referral"])
        // A stored event reads back as it was written.
        let decoded = try JSONDecoder().decode(DisputeEvent.self, from: try JSONEncoder().encode(events[0]))
        #expect(decoded == events[0] && decoded.type == "line-manager-notified")
    }

    @Test func onlyAStageThatSaysSoOffersItAndAReasonIsNeeded() throws {
        var coventry = try DisputeHarness("coventry", on: day)
        coventry.expectRefused(.notifyLineManager(reason: "  "), .missingField("why it has not been resolved"))
        try coventry.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
        try coventry.run(.escalate(reason: "No agreement", evidence: nil, people: [Parties.councilSenior]))
        coventry.expectRefused(.notifyLineManager(reason: "Still stuck"), .noLineManagerNotice(stage: "informal"))
        let oldham = try DisputeHarness("oldham", on: day)
        oldham.expectRefused(
            .notifyLineManager(reason: "Stuck"), .noLineManagerNotice(stage: "team-manager"),
            mentioning: ["does not ask"])
    }

    @Test func theStageKeyHoldsOnlyTheProtocolsWords() {
        let stage = "    timescale: none\n"
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: stage, new: stage + "    notify_line_manager_if_unresolved: {}\n")),
            field: "stages[1].notify_line_manager_if_unresolved.quote", mentioning: ["missing"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (
                    old: stage,
                    new: stage + "    notify_line_manager_if_unresolved:\n      quote: Tell them\n      when: now\n"
                )),
            field: "stages[1].notify_line_manager_if_unresolved.when", line: 22, column: 7,
            mentioning: ["unknown key", "\"quote\""])
    }
}
