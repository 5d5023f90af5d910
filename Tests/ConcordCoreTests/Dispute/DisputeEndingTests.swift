import Foundation
import Testing

@testable import ConcordCore

/// Resolving, referring onward, withdrawing and closing; what is allowed afterwards.
@Suite struct DisputeEndingTests {
    let monday = ukDate("2027-02-01")
    let managers = [Parties.councilManager, Parties.policeManager]

    func resolve(_ agreedBy: [PersonRef] = Parties.bothSides, followUp: String? = nil) -> DisputeCommand {
        .resolve(outcome: "Log shared", agreedBy: agreedBy, followUp: followUp)
    }

    /// A Sunderland dispute at step 4 with every earlier step's records and the DSL, who joined
    /// at step 1 and was consulted again at each later step (step 4 too, unless told not to).
    func atSunderlandStepFour(leadConsultedAtStepFour: Bool = true) throws -> DisputeHarness {
        var dispute = try DisputeHarness("sunderland", on: monday)
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        for step in 0..<3 {
            if step > 0 { try dispute.discussWithLead() }
            try dispute.run(
                .recordStageRecords(
                    StageRecords(
                        actionsTaken: "Met", outcome: "No", learningIdentified: false, concernReview: "Justified")))
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        if leadConsultedAtStepFour { try dispute.discussWithLead() }
        return dispute
    }

    @Test func resolutionNeedsBothSidesAgreement() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        let partnership = Parties.businessManager
        for agreedBy in [
            [], [Parties.socialWorker, Parties.councilManager], [Parties.officer], [Parties.socialWorker, partnership],
        ] {
            dispute.expectRefused(
                resolve(agreedBy), .agreementRequired, mentioning: ["both sides", "raising agency", "other agency"])
        }
        dispute.expectRefused(
            .resolve(outcome: " ", agreedBy: Parties.bothSides, followUp: nil), .missingField("the agreed outcome"))
        let events = try dispute.run(resolve())
        guard case .resolved(let resolved) = events.first else {
            Issue.record("expected .resolved in \(events)"); return
        }
        #expect(
            resolved.stage == "team-manager" && resolved.outcome == "Log shared"
                && resolved.agreedBy == Parties.bothSides)
        #expect(dispute.state.status == .resolved && dispute.state.resolution == resolved)
    }

    @Test func openPlanActionsNeedAFollowUp() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        let actions = ["a1", "a2"].map {
            PlannedAction(id: $0, action: "Do \($0)", owner: Parties.officer, due: monday)
        }
        try dispute.run(.agreePlan(actions))
        dispute.expectRefused(
            resolve(), .followUpRequired(openActions: 2),
            mentioning: ["2 planned actions are still open", "followed up"])
        try dispute.run(.completeAction(id: "a1", note: nil))
        dispute.expectRefused(
            resolve(followUp: "  "), .followUpRequired(openActions: 1), mentioning: ["1 planned action is still open"])
        let events = try dispute.run(resolve(followUp: "Team managers review a2 on Friday"))
        guard case .resolved(let resolved) = events.first else {
            Issue.record("expected .resolved in \(events)"); return
        }
        #expect(resolved.followUp == "Team managers review a2 on Friday")
    }

    @Test func afterResolvingOnlyClosingIsAllowedAndNothingAfterClosure() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(resolve())
        let commands: [DisputeCommand] = [
            .recordDiscussion(heldOn: monday, method: .telephone, participants: [], summary: "More"),
            .addParticipant(Parties.iro, capacity: .independentReviewingOfficer),
            .escalate(reason: "Reopen", evidence: nil, people: managers), .withdraw(reason: "Changed mind"),
            resolve(), .escalateForRisk(reason: "Risk", people: []),
        ]
        for command in commands {
            dispute.expectRefused(command, .notOpen(.resolved), mentioning: ["resolved", "only closing"])
        }
        let events = try dispute.run(.close(reviewHeld: nil, note: " Done "))
        guard case .closed(let closed) = events.first else { Issue.record("expected .closed in \(events)"); return }
        #expect(closed.note == "Done" && closed.reviewHeld == nil && dispute.state.status == .closed)
        for command in commands + [.close(reviewHeld: nil, note: nil)] {
            dispute.expectRefused(command, .closed, mentioning: ["closed", "nothing more"])
        }
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func openDisputesCannotBeClosedButWithdrawnOnesCan(id: String) throws {
        let command = id == "north-east-lincolnshire" ? Parties.raiseStrategic() : Parties.raise()
        var dispute = try DisputeHarness(id, command, on: monday)
        dispute.expectRefused(
            .close(reviewHeld: nil, note: nil), .stillOpen, mentioning: ["resolve it, refer it onward or withdraw it"])
        dispute.expectRefused(.withdraw(reason: " "), .missingField("a reason"), mentioning: ["reason"])
        try dispute.run(.withdraw(reason: "The family moved away"))
        #expect(dispute.state.status == .withdrawn && dispute.state.withdrawal?.reason == "The family moved away")
        dispute.expectRefused(.withdraw(reason: "Again"), .notOpen(.withdrawn), mentioning: ["withdrawn"])
        try dispute.run(.close(reviewHeld: nil, note: nil))
        #expect(dispute.state.status == .closed)
    }

    @Test func coventryDisputeThatReachedStageFourMustSayWhetherAReviewWillBeHeld() throws {
        var dispute = try DisputeHarness("coventry", Parties.raise(category: .plan), on: monday)
        for _ in 0..<3 {
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "No agreement")))
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        try dispute.run(.withdraw(reason: "Child moved out of area"))
        dispute.expectRefused(
            .close(reviewHeld: nil, note: nil), .reviewDecisionRequired(review: "multi-agency review"),
            mentioning: ["multi-agency review", "say whether one will be held"])
        try dispute.run(.close(reviewHeld: false, note: "No new learning"))
        #expect(dispute.state.closure?.reviewHeld == false)

        // A Coventry dispute settled before stage 4 is not asked.
        var early = try DisputeHarness("coventry", on: monday)
        try early.run(.recordStageRecords(StageRecords(actionsTaken: "Talked")))
        try early.run(resolve())
        try early.run(.close(reviewHeld: nil, note: nil))
    }

    @Test func referralIsOnlyAfterTheLastStageAndOnlyToThePolicysRoutes() throws {
        var dispute = try atSunderlandStepFour()
        let early = try DisputeHarness("sunderland", on: monday)
        early.expectRefused(
            .referExternally(route: "ofsted", reason: "Unresolved"), .notLastStage(stage: "frontline"),
            mentioning: ["after the last stage", "escalate it first"])
        dispute.expectRefused(
            .referExternally(route: "police", reason: "Unresolved"),
            .unknownRoute("police", routes: ["ofsted", "cqc", "hmicfrs"]), mentioning: ["ofsted, cqc, hmicfrs"])
        dispute.expectRefused(
            .referExternally(route: "cqc", reason: " "), .missingField("the reason for referring"))
        dispute.expectRefused(
            .escalate(reason: "More", evidence: nil, people: managers),
            .lastStage(stage: "sscp", routes: ["ofsted", "cqc", "hmicfrs"]), mentioning: ["refer it to ofsted"])
        try dispute.run(
            .recordStageRecords(StageRecords(outcome: "Partners could not agree", interventionDecision: "None")))
        // Leaving step 4 for an inspectorate needs the DSL consulted at step 4 as well.
        var unconsulted = try atSunderlandStepFour(leadConsultedAtStepFour: false)
        try unconsulted.run(
            .recordStageRecords(StageRecords(outcome: "Partners could not agree", interventionDecision: "None")))
        unconsulted.expectRefused(
            .referExternally(route: "ofsted", reason: "Still unresolved"),
            .participantRequired(.designatedSafeguardingLead, stage: "sscp"))
        for route in ["ofsted", "cqc", "hmicfrs"] {
            var referred = dispute
            let events = try referred.run(.referExternally(route: route, reason: "Still unresolved"))
            guard case .referredExternally(let referral) = events.first else {
                Issue.record("expected .referredExternally in \(events)"); continue
            }
            #expect(referral.route == route && referral.reason == "Still unresolved")
            #expect(referred.state.status == .referred)
            referred.expectRefused(resolve(), .notOpen(.referred))
            try referred.run(.close(reviewHeld: nil, note: nil))
        }
    }

    @Test(arguments: ["oldham", "coventry", "five-stage-flowchart"])
    func policiesWithoutRoutesRefuseReferral(id: String) throws {
        let dispute = try DisputeHarness(id, on: monday)
        dispute.expectRefused(
            .referExternally(route: "ofsted", reason: "Unresolved"), .unknownRoute("ofsted", routes: []),
            mentioning: ["names no route beyond its last stage"])
    }

    /// "A stage cannot be left without its required records": escalating and resolving check
    /// them, and referral to an inspectorate leaves step 4 just as they do. Sunderland's step 4
    /// requires its outcome ("Clear written records should be kept by everyone at all stages";
    /// "A proforma is provided at Appendix 1 to record actions taken and outcomes").
    @Test func referralFromTheLastStageNeedsThatStagesRecords() throws {
        let dispute = try atSunderlandStepFour()
        #expect(dispute.state.currentStage.records.outcome == nil)
        dispute.expectRefused(
            .referExternally(route: "ofsted", reason: "Still unresolved"),
            .recordsMissing(stage: "sscp", missing: [.interventionDecision, .outcome]),
            mentioning: ["sscp", "the outcome", "intervention required"])
    }
}
