import Testing

@testable import ConcordCore

@Suite("Discussion dates")
struct DiscussionDateTests {
    @Test("“All escalations should be recorded”: a discussion is recorded once held, never dated in the future")
    func aDiscussionDatedInTheFutureIsRefused() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: ukDate("2026-11-23"))
        dispute.expectRefused(
            .recordDiscussion(
                heldOn: ukDate("2026-11-24"), method: .telephone, participants: Parties.bothSides,
                summary: "Will talk tomorrow"),
            .discussionInFuture, mentioning: ["once it has taken place"])
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-11-23"), method: .telephone, participants: Parties.bothSides,
                summary: "Talked today"))
        #expect(dispute.state.currentStage.discussions.count == 1)
    }
}
