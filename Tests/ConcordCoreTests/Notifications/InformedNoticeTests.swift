import Foundation
import Testing

@testable import ConcordCore

/// "Copy to the Business Manager": a stage's `inform` adds a copy of its notices for people
/// who are told without taking part.
@Suite struct InformedNoticeTests {
    static let text = PolicyFixture.minimal(
        (old: "      working_days: 5\n", new: "      working_days: 5\n    inform:\n      - level: Business Manager\n"))

    @Test func aProtocolsOwnWordsForTheLevelGetDidYouMean() {
        PolicyFixture.expectOneProblem(
            Self.text, field: "stages[0].inform[0].level", line: 15,
            mentioning: ["did you mean \"partnership-business-office\"?"])
    }

    @Test func theRaisingAndTheFirstStagesConfirmationsAreCopiedToThoseInformed() throws {
        let policy = try PolicyFixture.read(
            Self.text.replacingOccurrences(of: "level: Business Manager", with: "level: partnership-business-office"))
        #expect(policy.stages[0].inform == [InformedParty(level: .partnershipBusinessOffice, quote: nil)])
        let engine = DisputeEngine(
            policy: policy, policyVersion: "v", calendar: WorkingCalendar(region: .englandAndWales))
        var dispute = try DisputeHarness(engine: engine, Parties.raise(), on: ukDate("2026-12-21"))
        let planner = NoticePlanner(policy: policy, disputeID: "d")
        let raised = planner.notices(
            for: dispute.history.map(\.event), firstVersion: 1, state: dispute.state, actor: Parties.socialWorker)
        let informed = Audience.informed(levels: [.partnershipBusinessOffice], agencies: ["council", "police"])
        #expect(raised.filter { $0.audience == informed }.map(\.kind) == [.named])
        #expect(Set(raised.map(\.key)).count == raised.count, "each copy has its own key")

        let events = try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-21"), method: .telephone, participants: [Parties.officer], summary: "Talked"))
        let confirmed = planner.notices(for: events, firstVersion: 3, state: dispute.state, actor: Parties.socialWorker)
        #expect(confirmed.map(\.audience).contains(informed))
        let plain = NoticePlanner(policy: try PolicyFixture.read(PolicyFixture.minimal), disputeID: "d")
        #expect(
            !plain.notices(for: events, firstVersion: 3, state: dispute.state, actor: Parties.socialWorker)
                .map(\.audience).contains(informed))
    }
}
