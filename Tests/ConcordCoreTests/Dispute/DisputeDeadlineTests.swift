import Foundation
import Testing

@testable import ConcordCore

/// Each stage's due date is fixed when it starts, measured as its policy says, and never moves.
@Suite struct DisputeDeadlineTests {
    let managers = [Parties.councilManager, Parties.policeManager]

    @Test func flowchartStageOneRaisedBeforeChristmas() throws {
        // Monday 21 December 2026: two working days are Tuesday 22 and Wednesday 23.
        var dispute = try DisputeHarness("five-stage-flowchart", on: ukDate("2026-12-21"))
        #expect(dispute.state.currentStage.due == ukDate("2026-12-23"))
        #expect(dispute.state.currentStage.acknowledgementDue == ukDate("2026-12-23"))
        try dispute.run(
            .agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: ukDate("2026-12-22"))]))
        try dispute.run(.completeAction(id: "a1", note: nil))
        try dispute.run(.escalate(reason: "Stuck", evidence: "Met twice", people: managers), on: ukDate("2026-12-23"))
        // 5 working days skip Christmas (Fri 25), the Boxing Day substitute (Mon 28) and New Year's Day.
        #expect(dispute.state.currentStage.due == ukDate("2027-01-04"))
        #expect(dispute.state.currentStage.acknowledgementDue == nil)
    }

    @Test func oldhamStageOneHasNoTimescaleAndStageTwoHasFiveWorkingDays() throws {
        var dispute = try DisputeHarness("oldham", on: ukDate("2026-12-21"))
        #expect(dispute.state.currentStage.due == nil)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        try dispute.run(.escalate(reason: "Meeting failed", evidence: nil, people: managers), on: ukDate("2027-01-04"))
        #expect(dispute.state.currentStage.startedOn == ukDate("2027-01-04"))
        #expect(dispute.state.currentStage.due == ukDate("2027-01-11"))
    }

    @Test func sunderlandStepsTakeTheProtocolWideLimitAndTheWholeProcessAMonth() throws {
        var dispute = try DisputeHarness("sunderland", on: ukDate("2027-02-01"))
        #expect(dispute.state.raised.overallDue == ukDate("2027-03-01"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-08"))
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(
            .recordStageRecords(
                StageRecords(actionsTaken: "Met", outcome: "No", learningIdentified: false, concernReview: "Justified"))
        )
        try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers), on: ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-10"))
        #expect(dispute.state.raised.overallDue == ukDate("2027-03-01"))
    }

    @Test(arguments: [
        // Over Christmas and New Year; the month ends on Saturday 23 January, so Monday 25.
        ("2026-12-23", "2027-01-04", "2027-01-25"),
        // A month after 29 January is Sunday 28 February, so Monday 1 March.
        ("2027-01-29", "2027-02-05", "2027-03-01"),
        // Good Friday and Easter Monday: 26 and 29 March; the month ends on Sunday 25 April.
        ("2027-03-25", "2027-04-05", "2027-04-26"),
    ])
    func sunderlandDueDates(raised: String, stepOneDue: String, overallDue: String) throws {
        let dispute = try DisputeHarness("sunderland", on: ukDate(raised))
        #expect(dispute.state.currentStage.due == ukDate(stepOneDue))
        #expect(dispute.state.raised.overallDue == ukDate(overallDue))
    }

    @Test func nelscpAcknowledgementAndPartnersStageRunFromReceiptInWriting() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: ukDate("2027-02-01"))
        #expect(dispute.state.currentStage.due == nil && dispute.state.currentStage.acknowledgementDue == nil)
        try dispute.run(
            .escalate(reason: "Group could not agree", evidence: nil, people: [Parties.partners]),
            on: ukDate("2027-02-03"))
        // The partners' outcome is due 15 working days from receipt, and shows from receipt.
        #expect(dispute.state.currentStage.stage == "chair-in-writing")
        #expect(dispute.state.currentStage.due == ukDate("2027-02-24"))
        #expect(dispute.state.currentStage.acknowledgementDue == ukDate("2027-02-10"))
        try dispute.run(
            .escalate(reason: "Partners to consider", evidence: nil, people: [Parties.partners]),
            on: ukDate("2027-02-08"))
        // 15 working days from receipt on 3 February, not from this stage's start on 8 February.
        #expect(dispute.state.currentStage.due == ukDate("2027-02-24"))
        #expect(dispute.state.currentStage.acknowledgementDue == nil)
        try dispute.run(
            .agreePlan([
                PlannedAction(id: "p1", action: "Review levy", owner: Parties.partners, due: ukDate("2027-02-20"))
            ]))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Partners split")))
        try dispute.run(
            .escalate(reason: "No agreement", evidence: nil, people: [Parties.scrutineer]), on: ukDate("2027-02-24"))
        // 25 working days, skipping Good Friday (26 March) and Easter Monday (29 March) 2027.
        #expect(dispute.state.currentStage.due == ukDate("2027-04-02"))
    }

    @Test func coventryStageOneIsOneWorkingDayAndLaterStagesHaveNone() throws {
        var dispute = try DisputeHarness("coventry", Parties.raise(category: .plan), on: ukDate("2027-02-05"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-08"))
        for _ in 0..<3 {
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "No agreement")))
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        #expect(dispute.dues == [ukDate("2027-02-08"), nil, nil, nil])
    }

    @Test func deadlinesDoNotChangeWhenLaterEventsAreApplied() throws {
        var dispute = try DisputeHarness("oldham", on: ukDate("2026-12-21"))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        try dispute.run(.escalate(reason: "Meeting failed", evidence: nil, people: managers), on: ukDate("2027-01-04"))
        let fixed = dispute.state.stages.map { [$0.startedOn, $0.due] }
        let days = ["2027-01-08", "2027-01-12", "2027-02-15", "2027-03-01"].map { ukDate($0) }
        try dispute.run(.addParticipant(Parties.dsl, capacity: nil), on: days[0])
        #expect(dispute.state.stages.map { [$0.startedOn, $0.due] } == fixed)
        try dispute.run(.addParticipant(Parties.iro, capacity: .independentReviewingOfficer), on: days[1])
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Still no agreement")), on: days[2])
        try dispute.run(.escalate(reason: "Overdue", evidence: nil, people: managers), on: days[3])
        #expect(Array(dispute.state.stages.prefix(2).map { [$0.startedOn, $0.due] }) == fixed)
        #expect(dispute.state.stages[1].due == ukDate("2027-01-11"))
        let replayed = try #require(DisputeState.replay(dispute.history))
        #expect(replayed.stages.map(\.due) == dispute.dues)
    }

    @Test func stageEntryCarriesTheDueDateItWasGiven() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: ukDate("2027-02-01"))
        try dispute.run(
            .agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: ukDate("2027-02-02"))]))
        try dispute.run(.completeAction(id: "a1", note: nil))
        let events = try dispute.run(
            .escalate(reason: "Stuck", evidence: "Met", people: managers), on: ukDate("2027-02-05"))
        let entry = try #require(events[1].stageEntry)
        #expect(
            entry.stage == "manager" && entry.startedOn == ukDate("2027-02-05") && entry.due == ukDate("2027-02-12"))
        #expect(dispute.state.currentStage.due == entry.due)
    }
}
