import Foundation
import Testing

@testable import ConcordCore

/// Escalation one stage at a time, and Oldham's jump to the partnership when risk escalates.
@Suite struct EscalationTests {
    let monday = ukDate("2027-02-01")
    let managers = [Parties.councilManager, Parties.policeManager]

    @Test func escalationGoesToTheNextStageNamingItsPeopleAndReason() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement at the resolution meeting")))
        try dispute.holdMeeting()
        let events = try dispute.run(
            .escalate(
                reason: "Resolution meeting failed", evidence: nil,
                people: [Parties.councilSenior, Parties.policeSenior]),
            on: ukDate("2027-02-03"))
        #expect(events.map(\.type) == ["escalated", "stage-entered"])
        let escalated = try #require(events[0].escalation)
        #expect(escalated.from == "team-manager" && escalated.to == "head-of-service")
        #expect(
            escalated.reason == "Resolution meeting failed" && escalated.evidence == nil && !escalated.becauseOfRisk)
        #expect(dispute.stageIDs == ["team-manager", "head-of-service"])
        #expect(dispute.state.currentStage.startedOn == ukDate("2027-02-03"))
        let joined = dispute.state.participants.filter { $0.stage == "head-of-service" }
        #expect(joined.map(\.person) == [Parties.councilSenior, Parties.policeSenior])
        #expect(joined.map(\.side) == [.raising, .receiving])
    }

    @Test func escalationNeedsAReasonAndTheNextStagesPeople() throws {
        var dispute = try DisputeHarness("coventry", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
        dispute.expectRefused(
            .escalate(reason: "  ", evidence: nil, people: managers), .missingField("the reason for escalating"),
            mentioning: ["reason"])
        dispute.expectRefused(
            .escalate(reason: "Stuck", evidence: nil, people: []),
            .missingField("the people taking part at the next stage"), mentioning: ["people", "next stage"])
    }

    @Test func flowchartAsksForEvidenceThatEffortsWereExhausted() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        try dispute.run(.agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: monday)]))
        for evidence in [nil, " "] {
            dispute.expectRefused(
                .escalate(reason: "Stuck", evidence: evidence, people: managers),
                .recordsMissing(stage: "professional", missing: [.effortsExhausted]),
                mentioning: ["professional", "evidence that every effort"])
        }
        let events = try dispute.run(.escalate(reason: "Stuck", evidence: "Two calls, one meeting", people: managers))
        #expect(events[0].escalation?.evidence == "Two calls, one meeting")
        #expect(dispute.state.stages[0].records.effortsExhausted == "Two calls, one meeting")
        #expect(dispute.stageIDs == ["professional", "manager"])
    }

    @Test func evidenceRecordedBeforehandAlsoCounts() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        try dispute.run(.agreePlan([PlannedAction(id: "a1", action: "Meet", owner: Parties.officer, due: monday)]))
        try dispute.run(.recordStageRecords(StageRecords(effortsExhausted: "Three calls")))
        try dispute.run(.escalate(reason: "Stuck", evidence: nil, people: managers))
        #expect(dispute.stageIDs == ["professional", "manager"])
    }

    @Test(arguments: [("oldham", "partnership"), ("coventry", "head-of-safeguarding")])
    func theLastStageCannotBeEscalatedWithoutRoutes(id: String, last: String) throws {
        var dispute = try DisputeHarness(id, Parties.raise(category: .plan), on: monday)
        while dispute.state.currentStage.stage != last {
            try dispute.holdMeeting()
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "No agreement")))
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        dispute.expectRefused(
            .escalate(reason: "More", evidence: nil, people: managers), .lastStage(stage: last, routes: []),
            mentioning: [last, "last stage", "resolve the dispute here"])
    }

    @Test func oldhamJumpsToThePartnershipWhenRiskEscalates() throws {
        var dispute = try DisputeHarness(
            "oldham", Parties.raise(children: [Parties.child(flagged: .lookedAfter)]), on: monday)
        dispute.expectRefused(
            .escalateForRisk(reason: " ", people: [Parties.businessManager]),
            .missingField("how the risk to the child has escalated"), mentioning: ["risk"])
        let events = try dispute.run(
            .escalateForRisk(reason: "Child missing overnight", people: [Parties.businessManager]),
            on: ukDate("2027-02-02"))
        let escalated = try #require(events[0].escalation)
        #expect(escalated.from == "team-manager" && escalated.to == "partnership" && escalated.becauseOfRisk)
        #expect(dispute.stageIDs == ["team-manager", "partnership"])
        #expect(dispute.state.currentStage.startedOn == ukDate("2027-02-02") && dispute.state.currentStage.due == nil)
        dispute.expectRefused(
            .escalateForRisk(reason: "Worse", people: []), .alreadyPastRiskStage("partnership"),
            mentioning: ["partnership", "already at or past"])
    }

    @Test func oldhamRiskJumpFromStageThreeAndRefusalAtStageFour() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        for people in [[Parties.councilSenior], [Parties.councilDirector]] {
            try dispute.holdMeeting()
            try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: people))
        }
        try dispute.run(.escalateForRisk(reason: "Risk escalated", people: [Parties.businessManager]))
        #expect(dispute.stageIDs == ["team-manager", "head-of-service", "assistant-director", "partnership"])
        #expect(dispute.state.escalations.map(\.becauseOfRisk) == [false, false, true])
        dispute.expectRefused(.escalateForRisk(reason: "Again", people: []), .alreadyPastRiskStage("partnership"))
    }

    @Test(arguments: ["sunderland", "coventry", "five-stage-flowchart", "north-east-lincolnshire"])
    func policiesWithoutTheRiskRuleRefuseToSkipStages(id: String) throws {
        let command = id == "north-east-lincolnshire" ? Parties.raiseStrategic() : Parties.raise()
        let dispute = try DisputeHarness(id, command, on: monday)
        dispute.expectRefused(
            .escalateForRisk(reason: "Child at risk", people: [Parties.businessManager]), .noRiskRule,
            mentioning: ["no rule", "one stage at a time"])
    }

    @Test(arguments: PolicyLibrary.builtInIDs)
    func escalationNeverSkipsAStage(id: String) throws {
        let policy = try #require(PolicyLibrary.builtIn(id))
        let command = policy.scope == .strategic ? Parties.raiseStrategic() : Parties.raise(category: .plan)
        var dispute = try DisputeHarness(id, command, on: monday)
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        for index in 1..<policy.stages.count {
            let plan = [PlannedAction(id: "s\(index)", action: "Review", owner: Parties.officer, due: monday)]
            try dispute.run(.agreePlan(plan))
            try dispute.holdMeeting()
            // Sunderland needs the DSL, who joined at the first stage, consulted at each later one.
            if index > 1 { try dispute.discussWithLead() }
            try dispute.run(
                .recordStageRecords(
                    StageRecords(
                        actionsTaken: "Met", outcome: "No agreement", learningIdentified: false,
                        concernReview: "Justified")))
            let events = try dispute.run(.escalate(reason: "Unresolved", evidence: "All explored", people: managers))
            #expect(events[0].escalation?.to == policy.stages[index].id)
            #expect(events[1].stageEntry?.stage == policy.stages[index].id)
        }
        #expect(dispute.stageIDs == policy.stages.map(\.id))
    }
}
