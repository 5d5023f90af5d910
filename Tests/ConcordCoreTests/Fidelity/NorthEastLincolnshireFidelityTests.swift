import Foundation
import Testing

@testable import ConcordCore

/// What lies beyond North East Lincolnshire's Independent Scrutiny Officer, and its outcome due
/// from receipt.
@Suite struct NorthEastLincolnshireFidelityTests {
    let monday = ukDate("2027-02-01")

    @Test("Legislation allows the Secretary of State to take enforcement action: a power, not a route")
    func secretaryOfStateIsNotARoute() throws {
        let policy = try #require(PolicyLibrary.builtIn("north-east-lincolnshire"))
        #expect(!policy.externalRoutes.contains { $0.kind == .secretaryOfState })
        #expect(policy.externalRoutes.allSatisfy { $0.takenBy == [.partnershipBusinessOffice] })
        #expect(policy.externalRoutes.first { $0.kind == .arbitration }?.actingPartner == true)
    }

    @Test(
        "the safeguarding partners will agree the most appropriate partner, who will act on behalf of and in the interest of all three"
    )
    func arbitrationNamesTheActingPartner() throws {
        var dispute = try atScrutiny()
        try dispute.run(
            .recordStageRecords(
                StageRecords(
                    outcome: "Not resolved",
                    boardMinute: BoardMinute(board: "NELSCP Executive Board", date: monday, reference: "EB/27/3"))))
        dispute.expectRefused(
            .referExternally(route: "independent-arbitration", reason: "Unresolved"),
            .actingPartnerRequired(route: "Independent arbitration (e.g. Chartered Institute of Arbitrators)"),
            mentioning: ["on behalf of all three"])
        try dispute.run(
            .referExternally(route: "independent-arbitration", reason: "Unresolved", actingPartner: "Police"))
        #expect(dispute.state.referral?.actingPartner == "Police")
    }

    @Test("Disputes will be formally recorded within the SCP board minutes")
    func scrutinyStageNeedsTheBoardMinute() throws {
        var dispute = try atScrutiny()
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Not resolved")))
        dispute.expectRefused(
            .referExternally(route: "ofsted", reason: "Unresolved"),
            .recordsMissing(stage: "independent-scrutiny-officer", missing: [.boardMinute]))
        dispute.expectRefused(
            .recordStageRecords(
                StageRecords(boardMinute: BoardMinute(board: "NELSCP Executive Board", date: monday, reference: " "))),
            .missingField("the minute reference"))
    }

    @Test("within 15 working days of the dispute being received: due from receipt, before the partners' stage")
    func outcomeDueIsVisibleFromReceipt() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        try dispute.run(
            .escalate(reason: "Unresolved", evidence: nil, people: [Parties.partners]), on: ukDate("2027-02-03"))
        let visit = dispute.state.currentStage
        #expect(visit.stage == "chair-in-writing")
        #expect(visit.due == ukDate("2027-02-24"))
        #expect(
            visit.deadlineName(in: dispute.engine.policy) == "Consideration by the three safeguarding partners is due")
    }

    func atScrutiny() throws -> DisputeHarness {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: [Parties.partners]))
        try dispute.run(.escalate(reason: "For the partners", evidence: nil, people: [Parties.partners]))
        try dispute.run(
            .agreePlan([PlannedAction(id: "a", action: "Consider", owner: Parties.partners, due: monday)]))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Partners could not agree")))
        try dispute.run(.escalate(reason: "No resolution", evidence: nil, people: [Parties.scrutineer]))
        return dispute
    }
}
