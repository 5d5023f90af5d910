import Foundation
import Testing

@testable import ConcordCore

/// An urgent and a non-urgent route at a stage: the route taken into the stage decides its
/// timescale. Counted on the England and Wales calendar over Christmas 2026.
@Suite struct StageRouteTests {
    static let text = PolicyFixture.minimal(
        (
            old: "      working_days: 5\n",
            new: """
                  working_days: 5
                routes:
                  - id: urgent
                    name: Urgent
                    when: Where a child may be at risk of significant harm
                    timescale:
                      hours: 24

            """
        ),
        (
            old: "    timescale: none\n",
            new: """
                timescale:
                  working_days: 10
                routes:
                  - id: urgent
                    name: Urgent
                    timescale:
                      immediately: true

            """
        ))

    static func engine() throws -> DisputeEngine {
        DisputeEngine(
            policy: try PolicyFixture.read(text), policyVersion: "v",
            calendar: WorkingCalendar(region: .englandAndWales))
    }

    @Test func theRouteTakenOnRaisingSetsTheFirstStagesDeadline() throws {
        var urgent = Parties.raise()
        urgent.route = "urgent"
        let dispute = try DisputeHarness(engine: Self.engine(), urgent, on: ukDate("2026-12-23"))
        // 24 hours from Wednesday 23 December: Thursday 24th.
        #expect(dispute.state.currentStage.route == "urgent")
        #expect(dispute.state.currentStage.due == ukDate("2026-12-24"))
        let standard = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-23"))
        // 5 working days, over Christmas Day, the substitute Boxing Day and New Year's Day:
        // Monday 4 January.
        #expect(standard.state.currentStage.route == nil)
        #expect(standard.state.currentStage.due == ukDate("2027-01-04"))
    }

    @Test func escalatingOnTheUrgentRouteIsDueTheSameWorkingDay() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        try dispute.run(
            .escalate(
                reason: "Not agreed", evidence: "Talked twice", people: [Parties.councilManager], route: "urgent"),
            on: ukDate("2026-12-24"))
        #expect(dispute.state.currentStage.due == ukDate("2026-12-24"))
        #expect(DisputeState.replay(dispute.history) == dispute.state)
    }

    @Test func anUnknownRouteIsRefusedNamingTheRoutes() throws {
        let dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        dispute.expectRefused(
            .escalate(reason: "Not agreed", evidence: "Talked", people: [Parties.councilManager], route: "express"),
            .unknownStageRoute("express", stage: "second", routes: ["Urgent"]), mentioning: ["its routes are Urgent"])
    }

    @Test func routeIdsAreUniqueAndStandardIsTheStagesOwn() {
        PolicyFixture.expectOneProblem(
            Self.text.replacingOccurrences(
                of: "      - id: urgent\n        name: Urgent\n        when:",
                with: "      - id: standard\n        name: Urgent\n        when:"),
            field: "stages[0].routes[0].id", mentioning: ["\"standard\" is the stage's own timescale"])
    }
}
