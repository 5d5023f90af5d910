import Foundation
import Testing

@testable import ConcordCore

/// Acknowledging receipt: NELSCP's chair acknowledges the written dispute, and the flowchart's
/// stage 1 starts with an acknowledgement.
@Suite struct AcknowledgementTests {
    let monday = ukDate("2027-02-01")

    @Test func nelscpAcknowledgesOnlyOnceTheChairHasItInWriting() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        dispute.expectRefused(
            .acknowledge(note: nil), .notAtAcknowledgementStage("chair-in-writing"),
            mentioning: ["chair-in-writing", "not reached"])
        try dispute.run(.escalate(reason: "Not resolved at the group", evidence: nil, people: [Parties.partners]))
        let events = try dispute.run(.acknowledge(note: "Received by the SCB Manager"), on: ukDate("2027-02-04"))
        guard case .acknowledged(let acknowledged) = events.first else {
            Issue.record("expected .acknowledged in \(events)"); return
        }
        #expect(acknowledged.stage == "chair-in-writing" && acknowledged.acknowledgedOn == ukDate("2027-02-04"))
        #expect(acknowledged.note == "Received by the SCB Manager")
        #expect(dispute.state.acknowledged == acknowledged)
        dispute.expectRefused(.acknowledge(note: nil), .alreadyAcknowledged, mentioning: ["already been acknowledged"])
    }

    @Test func nelscpCanStillAcknowledgeLateAfterMovingOn() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        try dispute.run(.escalate(reason: "Not resolved", evidence: nil, people: [Parties.partners]))
        try dispute.run(.escalate(reason: "Not acknowledged", evidence: nil, people: [Parties.partners]))
        let events = try dispute.run(.acknowledge(note: nil), on: ukDate("2027-02-15"))
        guard case .acknowledged(let acknowledged) = events.first else {
            Issue.record("expected .acknowledged in \(events)"); return
        }
        #expect(acknowledged.stage == "chair-in-writing")
    }

    @Test func flowchartAcknowledgesAtStageOne() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        #expect(dispute.state.currentStage.acknowledgementDue == ukDate("2027-02-03"))
        let events = try dispute.run(.acknowledge(note: "Agreed to talk tomorrow"))
        guard case .acknowledged(let acknowledged) = events.first else {
            Issue.record("expected .acknowledged in \(events)"); return
        }
        #expect(acknowledged.stage == "professional" && acknowledged.acknowledgedOn == monday)
        dispute.expectRefused(.acknowledge(note: nil), .alreadyAcknowledged)
    }

    @Test(arguments: ["oldham", "sunderland", "coventry"])
    func policiesWithoutAnAcknowledgementStepRefuse(id: String) throws {
        let dispute = try DisputeHarness(id, on: monday)
        #expect(dispute.state.currentStage.acknowledgementDue == nil)
        dispute.expectRefused(.acknowledge(note: nil), .noAcknowledgementStep, mentioning: ["no acknowledgement step"])
    }
}
