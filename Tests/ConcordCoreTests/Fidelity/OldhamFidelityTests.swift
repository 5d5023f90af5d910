import Foundation
import Testing

@testable import ConcordCore

/// Oldham's rules as its seed says them: the IRO belongs to the resolution meeting, stage 2's
/// five days are to establish contact, and confirmations follow the meeting's minutes.
@Suite struct OldhamFidelityTests {
    let monday = ukDate("2027-02-01")
    let seniors = [Parties.councilSenior, Parties.policeSenior]
    let lookedAfter = Parties.raise(children: [Parties.child(flagged: .lookedAfter)])
    var escalate: DisputeCommand { .escalate(reason: "Unresolved", evidence: nil, people: seniors) }

    @Test("IRO if involving a child who is looked after: settled by telephone with no meeting, none is needed")
    func lookedAfterChildSettledByTelephoneNeedsNoIRO() throws {
        var dispute = try DisputeHarness("oldham", lookedAfter, on: monday)
        try dispute.run(
            .recordDiscussion(
                heldOn: monday, method: .telephone, participants: [Parties.councilManager, Parties.policeManager],
                summary: "Agreed by telephone"))
        try dispute.run(.resolve(outcome: "Log shared", agreedBy: Parties.bothSides, followUp: nil))
        #expect(dispute.state.status == .resolved)
    }

    @Test(
        "to convene a resolution meeting involving relevant agencies and IRO if involving a child who is looked after")
    func meetingWithoutTheIROCannotBeEscalatedPast() throws {
        var dispute = try DisputeHarness("oldham", lookedAfter, on: monday)
        try dispute.run(.addParticipant(Parties.iro, capacity: .independentReviewingOfficer))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        dispute.expectRefused(
            escalate,
            .meetingParticipantMissing(
                .independentReviewingOfficer, meeting: "Resolution meeting", stage: "team-manager"),
            mentioning: ["Independent Reviewing Officer", "resolution meeting", "minutes"])
        // The remedy the refusal gives: the meeting held again with the IRO lets it move on.
        var again = dispute
        try again.holdMeeting(attendees: Parties.bothSides + [Parties.iro])
        try again.run(escalate)
        #expect(again.stageIDs == ["team-manager", "head-of-service"])
        var withIRO = try DisputeHarness("oldham", lookedAfter, on: monday)
        try withIRO.run(.addParticipant(Parties.iro, capacity: .independentReviewingOfficer))
        try withIRO.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try withIRO.holdMeeting(attendees: Parties.bothSides + [Parties.iro])
        try withIRO.run(escalate)
        #expect(withIRO.stageIDs == ["team-manager", "head-of-service"])
    }

    @Test("A child who is not looked after needs no IRO at the resolution meeting")
    func childNotLookedAfterNeedsNoIRO() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        try dispute.run(escalate)
        #expect(dispute.stageIDs.count == 2)
    }

    @Test(
        "contact will need to be established between allocated senior manager or head of service within 5 working days")
    func stageTwoIsMetByFirstContact() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        try dispute.run(escalate)
        let visit = dispute.state.currentStage
        #expect(visit.due == ukDate("2027-02-08"))
        #expect(visit.metBy == .firstContact)
        #expect(visit.deadlineName(in: dispute.engine.policy) == "First contact must be made by")
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-03"), method: .telephone, participants: seniors, summary: "Spoke"),
            on: ukDate("2027-02-03"))
        // Met: no finishing deadline, since the protocol sets none for the stage.
        #expect(dispute.state.currentStage.metOn == ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.due == nil)
        let stage = try #require(dispute.engine.policy.stage("head-of-service"))
        #expect(stage.timescale?.kind == .beginWithin)
    }
}
