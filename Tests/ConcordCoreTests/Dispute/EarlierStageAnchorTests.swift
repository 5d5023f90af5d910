import Foundation
import Testing

@testable import ConcordCore

/// "Within 10 working days of step 1": a stage's timescale counted from an earlier stage's start.
@Suite struct EarlierStageAnchorTests {
    static let text = PolicyFixture.minimal(
        (
            old: "      - level: line-manager\n    timescale: none\n",
            new: "      - level: line-manager\n    timescale:\n      working_days: 10\n      of_stage: first\n"
        ))

    @Test func theStageCountsFromTheEarlierStagesStart() throws {
        let engine = DisputeEngine(
            policy: try PolicyFixture.read(Self.text), policyVersion: "v",
            calendar: WorkingCalendar(region: .englandAndWales))
        var dispute = try DisputeHarness(engine: engine, Parties.raise(), on: ukDate("2026-12-14"))
        try dispute.run(
            .escalate(reason: "Not resolved", evidence: nil, people: [Parties.partners]), on: ukDate("2026-12-17"))
        // 10 working days from Monday 14 December, over Christmas and Boxing Day (the 28th
        // in lieu): Tuesday 29 December, not counted from the 17th.
        #expect(dispute.state.currentStage.stage == "second")
        #expect(dispute.state.currentStage.due == ukDate("2026-12-30"))
    }

    @Test func theTimelineCountsFromTheEarlierStageToo() throws {
        let policy = try PolicyFixture.read(Self.text)
        let timeline = try PolicyTimeline(
            policy: policy, raised: ukDate("2026-12-14"), calendar: WorkingCalendar(region: .englandAndWales))
        #expect(timeline.entries[1].due == ukDate("2026-12-30"))
        #expect(policy.stages[1].timescale?.description == "10 working days from the start of stage \"first\"")
    }

    @Test func onlyAnEarlierStageCanBeNamed() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (old: "      working_days: 5\n", new: "      working_days: 5\n      of_stage: second\n")),
            field: "stages[0].timescale.of_stage", line: 14,
            mentioning: ["the first stage cannot count from another stage's start"])
        PolicyFixture.expectOneProblem(
            Self.text.replacingOccurrences(of: "of_stage: first", with: "of_stage: third"),
            field: "stages[1].timescale.of_stage",
            mentioning: ["\"third\", which is not an earlier stage", "\"first\""])
    }
}
