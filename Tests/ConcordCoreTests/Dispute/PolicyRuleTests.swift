import Foundation
import Testing

@testable import ConcordCore

/// The rules a policy enforces before a stage can be left: required participants and records.
@Suite struct PolicyRuleTests {
    let monday = ukDate("2027-02-01")
    let seniors = [Parties.councilSenior, Parties.policeSenior]

    func escalate(_ evidence: String? = nil) -> DisputeCommand {
        .escalate(reason: "Unresolved", evidence: evidence, people: seniors)
    }

    let resolve = DisputeCommand.resolve(outcome: "Log shared", agreedBy: Parties.bothSides, followUp: nil)

    @Test func oldhamDisputeAboutAChildNotLookedAfterNeedsNoIRO() throws {
        var dispute = try DisputeHarness(
            "oldham", Parties.raise(children: [Parties.child(flagged: .childProtectionPlan)]), on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.holdMeeting()
        var escalated = dispute
        try escalated.run(escalate())
        #expect(escalated.stageIDs == ["team-manager", "head-of-service"])
        try dispute.run(resolve)
        #expect(dispute.state.status == .resolved)
    }

    @Test func oldhamStageOneNeedsItsResolutionMeetingBeforeEscalating() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        let meeting = DisputeError.meetingRequired("Resolution meeting", stage: "team-manager")
        dispute.expectRefused(escalate(), meeting, mentioning: ["resolution meeting", "team-manager", "minutes"])
        try dispute.run(.recordDiscussion(heldOn: monday, method: .telephone, participants: [], summary: "Talked"))
        dispute.expectRefused(escalate(), meeting)
        // Only minutes show the meeting was held: Oldham shares them with the head of service.
        try dispute.run(.recordDiscussion(heldOn: monday, method: .meeting, participants: [], summary: "Met"))
        dispute.expectRefused(escalate(), meeting)
        // Settling it without a meeting, or jumping for risk, needs none.
        var resolved = dispute
        try resolved.run(resolve)
        var risky = dispute
        try risky.run(.escalateForRisk(reason: "Risk escalated", people: [Parties.businessManager]))
        try dispute.holdMeeting()
        try dispute.run(escalate())
        // Stage 2 has no required meeting.
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        try dispute.run(escalate())
        #expect(dispute.stageIDs == ["team-manager", "head-of-service", "assistant-director"])
    }

    @Test(arguments: [DisputeCategory.threshold, .referral])
    func coventryThresholdAndReferralDisputesNeedEarlyHelpToLeaveStageTwo(category: DisputeCategory) throws {
        var dispute = try DisputeHarness("coventry", Parties.raise(category: category), on: monday)
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
        try dispute.run(escalate())  // stage 1 has no such rule
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "No agreement")))
        for command in [escalate(), resolve] {
            dispute.expectRefused(
                command, .participantRequired(.earlyHelpProfessional, stage: "informal"),
                mentioning: ["Early Help professional", "informal"])
        }
        try dispute.run(.addParticipant(Parties.earlyHelpWorker, capacity: .earlyHelpProfessional))
        try dispute.run(escalate())
        #expect(dispute.stageIDs == ["discussion", "informal", "formal"])
    }

    @Test(arguments: [DisputeCategory.assessment, .plan, .caseClosure, .informationSharing, .other])
    func otherCoventryCategoriesLeaveStageTwoWithoutEarlyHelp(category: DisputeCategory) throws {
        var dispute = try DisputeHarness("coventry", Parties.raise(category: category), on: monday)
        for _ in 0..<2 {
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
            try dispute.run(escalate())
        }
        #expect(dispute.stageIDs == ["discussion", "informal", "formal"])
    }

    @Test func sunderlandNeedsTheDesignatedLeadBeforeLeavingAnyStep() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        let records = StageRecords(
            actionsTaken: "Met", outcome: "No agreement", learningIdentified: false, concernReview: "Justified")
        try dispute.run(.recordStageRecords(records))
        for command in [escalate(), resolve] {
            dispute.expectRefused(
                command, .participantRequired(.designatedSafeguardingLead, stage: "frontline"),
                mentioning: ["designated safeguarding lead", "frontline"])
        }
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(escalate())
        #expect(dispute.stageIDs == ["frontline", "line-managers"])
    }

    /// "Discussion to take place with designated lead for safeguarding at each stage": the DSL
    /// who joined at step 1 does not count for step 2 until they take part in a discussion there.
    @Test func sunderlandNeedsTheDesignatedLeadAgainAtEachLaterStep() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        let records = StageRecords(
            actionsTaken: "Met", outcome: "No agreement", learningIdentified: false, concernReview: "Justified")
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(.recordStageRecords(records))
        try dispute.run(escalate())
        #expect(dispute.state.currentStage.stage == "line-managers")
        try dispute.run(.recordStageRecords(records))
        for command in [escalate(), resolve] {
            dispute.expectRefused(
                command, .participantRequired(.designatedSafeguardingLead, stage: "line-managers"),
                mentioning: ["designated safeguarding lead", "line-managers"])
        }
        // A discussion at step 2 without the DSL does not count either.
        try dispute.run(
            .recordDiscussion(heldOn: monday, method: .faceToFace, participants: seniors, summary: "Managers met"))
        dispute.expectRefused(escalate(), .participantRequired(.designatedSafeguardingLead, stage: "line-managers"))
        try dispute.discussWithLead()
        try dispute.run(escalate())
        #expect(dispute.stageIDs == ["frontline", "line-managers", "management-hierarchy"])
        // Consulting them at step 2 does not count for step 3.
        try dispute.run(.recordStageRecords(records))
        dispute.expectRefused(
            escalate(), .participantRequired(.designatedSafeguardingLead, stage: "management-hierarchy"))
    }

    @Test func sunderlandStepsOneToThreeNeedActionsOutcomeAndLearning() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        for step in ["frontline", "line-managers", "management-hierarchy"] {
            // The DSL joined at step 1; each later step consults them again.
            if step != "frontline" { try dispute.discussWithLead() }
            // Step 2's line manager reviews the concern first; that record is tested on its own.
            if step == "line-managers" {
                try dispute.run(.recordStageRecords(StageRecords(concernReview: "Justified")))
            }
            dispute.expectRefused(
                escalate(), .recordsMissing(stage: step, missing: [.actionsTaken, .outcome, .learningIdentified]),
                mentioning: [step, "cannot be left", "the actions taken", "the outcome", "whether any learning"])
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "No agreement")))
            dispute.expectRefused(
                escalate(), .recordsMissing(stage: step, missing: [.learningIdentified]),
                mentioning: ["whether any learning was identified"])
            // Resolving supplies the outcome but not the other records.
            dispute.expectRefused(resolve, .recordsMissing(stage: step, missing: [.learningIdentified]))
            try dispute.run(.recordStageRecords(StageRecords(learningIdentified: false)))
            try dispute.run(escalate())
        }
        #expect(dispute.state.currentStage.stage == "sscp")
    }

    @Test func flowchartNeedsAnAgreedPlanAndEvidenceBeforeLeavingEachStage() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        dispute.expectRefused(
            escalate(), .recordsMissing(stage: "professional", missing: [.agreedPlan, .effortsExhausted]),
            mentioning: ["a mutually agreed plan of action", "evidence that every effort"])
        dispute.expectRefused(
            escalate("Tried everything"), .recordsMissing(stage: "professional", missing: [.agreedPlan]),
            mentioning: ["agreed plan"])
        dispute.expectRefused(resolve, .recordsMissing(stage: "professional", missing: [.agreedPlan]))
        try dispute.run(.agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: monday)]))
        try dispute.run(escalate("Tried everything"))
        // The plan agreed at stage 1 does not count for stage 2.
        dispute.expectRefused(
            escalate("Tried everything"), .recordsMissing(stage: "manager", missing: [.agreedPlan]))
    }

    @Test func oldhamAndCoventryStagesNeedTheirOutcomeRecorded() throws {
        let oldham = try DisputeHarness("oldham", on: monday)
        oldham.expectRefused(
            escalate(), .recordsMissing(stage: "team-manager", missing: [.outcome]), mentioning: ["the outcome"])
        let coventry = try DisputeHarness("coventry", on: monday)
        coventry.expectRefused(
            escalate(), .recordsMissing(stage: "discussion", missing: [.actionsTaken, .outcome]),
            mentioning: ["the actions taken", "the outcome"])
        coventry.expectRefused(resolve, .recordsMissing(stage: "discussion", missing: [.actionsTaken]))
    }

    @Test func nelscpPartnersStageNeedsOutcomeAndPlan() throws {
        var dispute = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        try dispute.run(escalate())
        try dispute.run(escalate())
        #expect(dispute.state.currentStage.stage == "safeguarding-partners")
        dispute.expectRefused(
            escalate(), .recordsMissing(stage: "safeguarding-partners", missing: [.outcome, .agreedPlan]))
        dispute.expectRefused(resolve, .recordsMissing(stage: "safeguarding-partners", missing: [.agreedPlan]))
    }
}
