import Foundation
import Testing

@testable import ConcordCore

/// "Within 2 working days of the disagreement or the decision": timescales counted from the day
/// of the decision itself, which the raiser gives.
@Suite struct DecisionAnchorTests {
    static let text = PolicyFixture.minimal(
        (old: "      working_days: 5\n", new: "      working_days: 5\n      from: decision\n"),
        (old: "scope: practice\n", new: "scope: practice\noverall:\n  working_days: 20\n  from: decision\n"))

    static func engine() throws -> DisputeEngine {
        DisputeEngine(
            policy: try PolicyFixture.read(text), policyVersion: "v",
            calendar: WorkingCalendar(region: .englandAndWales))
    }

    @Test func theStageAndTheWholeProcessCountFromTheDecision() throws {
        #expect(try Self.engine().policy.countsFromDecision)
        #expect(try !PolicyFixture.read(PolicyFixture.minimal).countsFromDecision)
        var command = Parties.raise()
        command.decidedOn = ukDate("2026-12-14")
        let dispute = try DisputeHarness(engine: Self.engine(), command, on: ukDate("2026-12-16"))
        // 5 working days from Monday 14 December: Monday 21st, though raised on the 16th.
        #expect(dispute.state.currentStage.due == ukDate("2026-12-21"))
        #expect(dispute.state.raised.decidedOn == ukDate("2026-12-14"))
        // 20 working days from the 14th, over Christmas and New Year: Thursday 14 January.
        #expect(dispute.state.overallDue == ukDate("2027-01-14"))
    }

    @Test func withoutTheDateTheRaisingDayCounts() throws {
        let dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-14"))
        #expect(dispute.state.currentStage.due == ukDate("2026-12-21"))
    }

    @Test func aDecisionInTheFutureIsRefused() throws {
        var command = Parties.raise()
        command.decidedOn = ukDate("2026-12-17")
        let engine = try Self.engine()
        expectRefusal(.decisionInFuture, mentioning: ["already have happened"]) {
            _ = try engine.raise(command, at: noon(ukDate("2026-12-16")))
        }
    }
}
