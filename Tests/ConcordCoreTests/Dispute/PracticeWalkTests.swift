import Foundation
import Testing

@testable import ConcordCore

/// Oldham, Sunderland and Coventry disputes walked from raising through every stage,
/// satisfying each policy's rules, to resolution or referral and closure.
@Suite struct PracticeWalkTests {
    let managers = [Parties.councilManager, Parties.policeManager]
    let seniors = [Parties.councilSenior, Parties.policeSenior]

    @Test func oldhamLookedAfterChildThroughAllFourStages() throws {
        let child = Parties.child(flagged: .lookedAfter)
        var dispute = try DisputeHarness(
            "oldham", Parties.raise(children: [child], category: .plan), on: ukDate("2026-12-21"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-21"), method: .telephone, participants: managers,
                summary: "Key points confirmed in writing"))
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "meeting", action: "Convene a resolution meeting", owner: Parties.councilManager,
                    due: ukDate("2026-12-23"))
            ]))
        try dispute.run(.addParticipant(Parties.iro, capacity: .independentReviewingOfficer))
        try dispute.run(.completeAction(id: "meeting", note: "Held with the IRO"), on: ukDate("2026-12-23"))
        try dispute.holdMeeting(attendees: Parties.bothSides + [Parties.iro])
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement at the resolution meeting")))
        try dispute.run(
            .escalate(reason: "Resolution meeting failed", evidence: nil, people: seniors), on: ukDate("2027-01-04"))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Heads of service disagree")))
        try dispute.run(
            .escalate(
                reason: "Stage 2 unsuccessful", evidence: nil,
                people: [Parties.councilDirector, Parties.policeDirector]), on: ukDate("2027-01-08"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-01-12"), method: .faceToFace, participants: [], summary: "Directors met"),
            on: ukDate("2027-01-12"))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Directors disagree")))
        try dispute.run(
            .escalate(
                reason: "Resolution cannot be achieved", evidence: nil,
                people: [Parties.businessManager, Parties.partners]), on: ukDate("2027-01-15"))
        #expect(dispute.stageIDs == ["team-manager", "head-of-service", "assistant-director", "partnership"])
        #expect(
            dispute.state.stages.map(\.startedOn)
                == ["2026-12-21", "2027-01-04", "2027-01-08", "2027-01-15"].map { ukDate($0) })
        #expect(dispute.dues == [nil, ukDate("2027-01-11"), nil, nil])
        #expect(dispute.state.escalations.allSatisfy { !$0.becauseOfRisk })
        try dispute.run(
            .resolve(
                outcome: "Placement plan amended", agreedBy: [Parties.councilDirector, Parties.policeDirector],
                followUp: nil), on: ukDate("2027-01-20"))
        try dispute.run(.close(reviewHeld: nil, note: "Minutes shared"))
        #expect(dispute.state.status == .closed && dispute.state.resolution?.stage == "partnership")
    }

    @Test func sunderlandThroughAllFourStepsToAnInspectorate() throws {
        var dispute = try DisputeHarness("sunderland", Parties.raise(significantHarm: true), on: ukDate("2027-02-01"))
        #expect(dispute.history.map(\.event.type) == ["raised", "stage-entered", "significant-harm-reported"])
        #expect(dispute.state.raised.overallDue == ukDate("2027-03-01"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-01"), method: .faceToFace, participants: Parties.bothSides,
                summary: "Frontline discussion"))
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        let steps: [(people: [PersonRef], on: String)] = [
            (managers, "2027-02-03"), (seniors, "2027-02-10"),
            (seniors + [Parties.partners, Parties.scrutineer], "2027-02-17"),
        ]
        for (index, step) in steps.enumerated() {
            // The DSL joined at step 1 and is consulted again at each later step.
            if index > 0 { try dispute.discussWithLead() }
            try dispute.run(
                .recordStageRecords(
                    StageRecords(
                        actionsTaken: "Discussed at step \(index + 1)", outcome: "Not resolved",
                        concernReview: index == 1 ? "Justified: the thresholds document was used" : nil)))
            try dispute.run(
                .recordStageRecords(
                    StageRecords(learningIdentified: index == 1, learning: index == 1 ? "Escalate sooner" : nil)))
            try dispute.run(
                .escalate(reason: "Unresolved at step \(index + 1)", evidence: nil, people: step.people),
                on: ukDate(step.on))
        }
        #expect(dispute.stageIDs == ["frontline", "line-managers", "management-hierarchy", "sscp"])
        #expect(dispute.dues == ["2027-02-08", "2027-02-10", "2027-02-17", "2027-02-24"].map { ukDate($0) })
        #expect(dispute.state.stages[1].records.learning == "Escalate sooner")
        try dispute.discussWithLead()
        try dispute.run(
            .recordStageRecords(
                StageRecords(
                    outcome: "Statutory partners could not agree",
                    interventionDecision: "Refer to the inspectorate for police practice")))
        try dispute.run(
            .referExternally(route: "hmicfrs", reason: "Police practice remains in dispute"), on: ukDate("2027-02-24"))
        #expect(dispute.state.status == .referred && dispute.state.referral?.route == "hmicfrs")
        try dispute.run(.close(reviewHeld: nil, note: nil))
        #expect(dispute.state.status == .closed)
    }

    @Test func sunderlandResolvedAtStepTwoWithAFollowUp() throws {
        var dispute = try DisputeHarness("sunderland", on: ukDate("2027-02-01"))
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(
            .recordStageRecords(
                StageRecords(actionsTaken: "Met", outcome: "No", learningIdentified: false, concernReview: "Justified"))
        )
        try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers), on: ukDate("2027-02-02"))
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "review", action: "Review in a month", owner: Parties.policeManager, due: ukDate("2027-03-01"))
            ]))
        try dispute.run(
            .recordStageRecords(
                StageRecords(actionsTaken: "Managers met", learningIdentified: false, concernReview: "Justified")))
        try dispute.discussWithLead()
        try dispute.run(
            .resolve(
                outcome: "Log shared", agreedBy: [Parties.councilManager, Parties.policeManager],
                followUp: "Review on 1 March"))
        #expect(
            dispute.state.resolution?.stage == "line-managers"
                && dispute.state.resolution?.followUp == "Review on 1 March")
    }

    @Test func coventryThresholdDisputeThroughAllFourStagesWithAReview() throws {
        var dispute = try DisputeHarness("coventry", Parties.raise(category: .threshold), on: ukDate("2027-02-01"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-01"), method: .telephone, participants: Parties.bothSides, summary: "Negotiated"
            ))
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Line managers told", outcome: "Not resolved")))
        try dispute.run(
            .escalate(reason: "Not solved within a working day", evidence: nil, people: seniors),
            on: ukDate("2027-02-02"))
        try dispute.run(.addParticipant(Parties.earlyHelpWorker, capacity: .earlyHelpProfessional))
        try dispute.run(
            .recordStageRecords(StageRecords(actionsTaken: "Early Help consulted", outcome: "Not resolved")))
        try dispute.run(
            .escalate(reason: "Informal procedure failed", evidence: nil, people: seniors), on: ukDate("2027-02-04"))
        try dispute.run(
            .recordStageRecords(StageRecords(actionsTaken: "Head of service considered it", outcome: "Not resolved")))
        try dispute.run(
            .escalate(
                reason: "Formal procedure failed", evidence: nil, people: [Parties.councilDirector, Parties.partners]),
            on: ukDate("2027-02-09"))
        #expect(dispute.stageIDs == ["discussion", "informal", "formal", "head-of-safeguarding"])
        #expect(dispute.dues == [ukDate("2027-02-02"), nil, nil, nil])
        dispute.expectRefused(
            .resolve(outcome: "Agreed", agreedBy: Parties.bothSides, followUp: nil),
            .recordsMissing(stage: "head-of-safeguarding", missing: [.actionsTaken]))
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Chair of the board consulted")))
        try dispute.run(
            .resolve(outcome: "Threshold met; referral accepted", agreedBy: Parties.bothSides, followUp: nil),
            on: ukDate("2027-02-12"))
        dispute.expectRefused(
            .close(reviewHeld: nil, note: nil), .reviewDecisionRequired(review: "multi-agency review"))
        try dispute.run(.close(reviewHeld: true, note: "Review booked"))
        #expect(dispute.state.closure?.reviewHeld == true && dispute.state.status == .closed)
    }
}
