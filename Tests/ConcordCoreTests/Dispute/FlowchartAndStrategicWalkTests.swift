import Foundation
import Testing

@testable import ConcordCore

/// The five-stage flowchart and North East Lincolnshire's strategic agreement walked from
/// raising through every stage.
@Suite struct FlowchartAndStrategicWalkTests {
    let managers = [Parties.councilManager, Parties.policeManager]

    @Test func flowchartThroughAllFiveStagesOverChristmas() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: ukDate("2026-12-21"))
        try dispute.run(.acknowledge(note: "Disagreement acknowledged"))
        let email = try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-21"), method: .email, participants: Parties.bothSides, summary: "Emailed"))
        guard case .discussionRecorded(let discussion) = email.first else {
            Issue.record("expected .discussionRecorded in \(email)"); return
        }
        #expect(discussion.discouragedMethod)
        let stages: [(people: [PersonRef], on: String)] = [
            (managers, "2026-12-23"), ([Parties.councilSenior, Parties.policeSenior], "2027-01-04"),
            ([Parties.councilDirector, Parties.policeDirector], "2027-01-11"),
            ([Parties.businessManager], "2027-01-13"),
        ]
        for (index, stage) in stages.enumerated() {
            try dispute.run(
                .recordDiscussion(heldOn: dispute.today, method: .video, participants: stage.people, summary: "Met"))
            let id = "plan-\(index + 1)"
            try dispute.run(
                .agreePlan([PlannedAction(id: id, action: "Agreed step", owner: Parties.officer, due: ukDate(stage.on))]
                ))
            try dispute.run(.completeAction(id: id, note: nil), on: ukDate(stage.on))
            try dispute.run(
                .escalate(
                    reason: "Unresolved at stage \(index + 1)", evidence: "Every effort at stage \(index + 1) explored",
                    people: stage.people))
        }
        #expect(
            dispute.stageIDs == ["professional", "manager", "senior-manager", "director", "partnership-resolution"])
        #expect(
            dispute.dues == ["2026-12-23", "2027-01-04", "2027-01-11", "2027-01-13", "2027-01-20"].map { ukDate($0) })
        #expect(dispute.state.stages.dropLast().allSatisfy { $0.records.effortsExhausted != nil && $0.planAgreed })
        dispute.expectRefused(
            .escalate(reason: "More", evidence: "x", people: managers),
            .lastStage(stage: "partnership-resolution", routes: []))
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "mediation", action: "Mediation session", owner: Parties.businessManager,
                    due: ukDate("2027-01-20"))
            ]))
        try dispute.run(
            .resolve(
                outcome: "Mediated agreement", agreedBy: Parties.bothSides,
                followUp: "Business Office checks in a month"),
            on: ukDate("2027-01-19"))
        try dispute.run(.close(reviewHeld: nil, note: nil))
        #expect(dispute.state.status == .closed && dispute.state.resolution?.stage == "partnership-resolution")
    }

    @Test func nelscpThroughEveryStageToIndependentArbitration() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: ukDate("2027-02-01"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-01"), method: .meeting, participants: Parties.bothSides,
                summary: "Delivery group"))
        try dispute.run(
            .escalate(reason: "Discussion did not resolve it", evidence: nil, people: [Parties.partners]),
            on: ukDate("2027-02-03"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-03"), method: .writing, participants: [Parties.partners],
                summary: "Letter to the chair"))
        try dispute.run(.acknowledge(note: "Acknowledged by the SCB Manager"), on: ukDate("2027-02-05"))
        try dispute.run(
            .escalate(reason: "For the safeguarding partners", evidence: nil, people: [Parties.partners]),
            on: ukDate("2027-02-08"))
        dispute.expectRefused(
            .referExternally(route: "ofsted", reason: "x"), .notLastStage(stage: "safeguarding-partners"))
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "lead", action: "Agree a lead partner", owner: Parties.partners, due: ukDate("2027-02-19"))
            ]))
        try dispute.run(.completeAction(id: "lead", note: nil), on: ukDate("2027-02-19"))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Partners could not agree the split")))
        try dispute.run(
            .escalate(reason: "No resolution", evidence: nil, people: [Parties.scrutineer]), on: ukDate("2027-02-24"))
        #expect(
            dispute.stageIDs == [
                "strategic-delivery-group", "chair-in-writing", "safeguarding-partners", "independent-scrutiny-officer",
            ])
        #expect(dispute.dues == [nil, ukDate("2027-02-24"), ukDate("2027-02-24"), ukDate("2027-04-02")])
        #expect(dispute.state.stages[1].acknowledgementDue == ukDate("2027-02-10"))
        #expect(dispute.state.acknowledged?.acknowledgedOn == ukDate("2027-02-05"))
        dispute.expectRefused(
            .referExternally(route: "hmicfrs", reason: "x"),
            .unknownRoute(
                "hmicfrs",
                routes: [
                    "ofsted", "hm-inspectorate-of-constabulary", "care-quality-commission", "independent-arbitration",
                ]), mentioning: ["independent-arbitration"])
        try dispute.run(
            .recordStageRecords(
                StageRecords(
                    outcome: "Scrutiny Officer could not mediate",
                    boardMinute: BoardMinute(
                        board: "NELSCP Executive Board", date: ukDate("2027-03-25"), reference: "EB/27/14"))))
        for route in try #require(PolicyLibrary.builtIn("north-east-lincolnshire")).externalRoutes.map(\.id) {
            var referred = dispute
            try referred.run(.referExternally(route: route, reason: "Unresolved", actingPartner: "Local Authority"))
            #expect(referred.state.referral?.route == route && referred.state.status == .referred)
        }
        try dispute.run(
            .referExternally(
                route: "independent-arbitration", reason: "Chartered Institute of Arbitrators", actingPartner: "Police"),
            on: ukDate("2027-03-30"))
        try dispute.run(.close(reviewHeld: nil, note: "Recorded in the SCP board minutes"))
        #expect(dispute.state.status == .closed && dispute.state.referral?.route == "independent-arbitration")
    }

    @Test func nelscpResolvedByTheSafeguardingPartners() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: ukDate("2027-02-01"))
        try dispute.run(
            .escalate(reason: "Unresolved", evidence: nil, people: [Parties.partners]), on: ukDate("2027-02-03"))
        try dispute.run(
            .escalate(reason: "For the partners", evidence: nil, people: [Parties.partners]), on: ukDate("2027-02-03"))
        #expect(dispute.dues == [nil, ukDate("2027-02-24"), ukDate("2027-02-24")])
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "levy", action: "Rebalance the levy", owner: Parties.partners, due: ukDate("2027-04-01"))
            ]))
        dispute.expectRefused(
            .resolve(outcome: "Levy rebalanced", agreedBy: Parties.bothSides, followUp: nil),
            .followUpRequired(openActions: 1))
        try dispute.run(
            .resolve(outcome: "Levy rebalanced", agreedBy: Parties.bothSides, followUp: "Chair writes by 1 April"))
        #expect(dispute.state.resolution?.stage == "safeguarding-partners")
    }
}
