import Foundation
import Testing

@testable import ConcordCore

/// Discussions, plans and their actions, participants and stage records.
@Suite struct DisputeRecordsTests {
    let monday = ukDate("2027-02-01")

    func action(_ id: String, due: String = "2027-02-03") -> PlannedAction {
        PlannedAction(id: id, action: "Share the incident log (\(id))", owner: Parties.officer, due: ukDate(due))
    }

    @Test func discussionRecordsMethodAndFlagsEmailOnTheFlowchart() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        let people = [Parties.socialWorker, Parties.officer]
        let byPhone = try dispute.run(
            .recordDiscussion(heldOn: monday, method: .telephone, participants: people, summary: "Talked"))
        let byEmail = try dispute.run(
            .recordDiscussion(heldOn: monday, method: .email, participants: people, summary: "Emailed"))
        guard case .discussionRecorded(let phone) = byPhone.first, case .discussionRecorded(let email) = byEmail.first
        else { Issue.record("expected two discussions"); return }
        #expect(!phone.discouragedMethod && phone.method == .telephone && phone.stage == "professional")
        #expect(email.discouragedMethod && email.method == .email && email.summary == "Emailed")
        #expect(dispute.state.currentStage.discussions == [phone, email])
        dispute.expectRefused(
            .recordDiscussion(heldOn: monday, method: .video, participants: people, summary: " "),
            .missingField("what was said"), mentioning: ["said", "required"])
    }

    @Test(arguments: ["oldham", "sunderland", "coventry"])
    func emailIsNotDiscouragedWherePoliciesSayNothingAboutIt(id: String) throws {
        var dispute = try DisputeHarness(id, on: monday)
        let events = try dispute.run(
            .recordDiscussion(heldOn: monday, method: .email, participants: [], summary: "Key points"))
        guard case .discussionRecorded(let email) = events.first else {
            Issue.record("expected .discussionRecorded in \(events)"); return
        }
        #expect(!email.discouragedMethod)
    }

    @Test func planHasActionsWithOwnersAndDueDatesThatCanBeCompleted() throws {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        let events = try dispute.run(.agreePlan([action("a1"), action("a2", due: "2027-02-02")]))
        guard case .planAgreed(let plan) = events.first else {
            Issue.record("expected .planAgreed in \(events)"); return
        }
        #expect(plan.stage == "professional" && plan.actions.map(\.owner) == [Parties.officer, Parties.officer])
        #expect(plan.actions.map(\.due) == [ukDate("2027-02-03"), ukDate("2027-02-02")])
        #expect(dispute.state.currentStage.planAgreed && dispute.state.openActions.map(\.id) == ["a1", "a2"])

        let done = try dispute.run(.completeAction(id: "a2", note: "Log sent"), on: ukDate("2027-02-02"))
        guard case .actionCompleted(let completed) = done.first else {
            Issue.record("expected .actionCompleted in \(done)"); return
        }
        #expect(
            completed.actionID == "a2" && completed.completedOn == ukDate("2027-02-02") && completed.note == "Log sent")
        #expect(dispute.state.openActions.map(\.id) == ["a1"])

        dispute.expectRefused(
            .completeAction(id: "a9", note: nil), .unknownAction("a9"), mentioning: ["no action", "a9"])
        dispute.expectRefused(
            .completeAction(id: "a2", note: nil), .actionAlreadyCompleted("a2"), mentioning: ["already complete"])
        dispute.expectRefused(.agreePlan([]), .missingField("at least one action"), mentioning: ["action"])
        var blank = action("a3")
        blank.action = " "
        dispute.expectRefused(
            .agreePlan([blank]), .missingField("each action's description"), mentioning: ["description"])
        dispute.expectRefused(.agreePlan([action("a2")]), .actionAlreadyCompleted("a2"), mentioning: ["a2"])
    }

    @Test func aNewPlanKeepsCompletedActionsAndReplacesOpenOnes() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.agreePlan([action("a1"), action("a2")]))
        try dispute.run(.completeAction(id: "a1", note: nil))
        try dispute.run(.agreePlan([action("b1")]))
        #expect(dispute.state.plan.map(\.id) == ["a1", "b1"])
        #expect(dispute.state.openActions.map(\.id) == ["b1"])
        dispute.expectRefused(.completeAction(id: "a2", note: nil), .unknownAction("a2"))
    }

    @Test func participantsJoinInACapacityOnTheirSideAndOnlyOnce() throws {
        var dispute = try DisputeHarness("coventry", on: monday)
        try dispute.run(.addParticipant(Parties.iro, capacity: .independentReviewingOfficer))
        try dispute.run(.addParticipant(Parties.earlyHelpWorker, capacity: .earlyHelpProfessional))
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(.addParticipant(Parties.businessManager, capacity: nil))
        let added = Array(dispute.state.participants.dropFirst(2))
        #expect(
            added.map(\.capacity) == [
                .independentReviewingOfficer, .earlyHelpProfessional, .designatedSafeguardingLead, nil,
            ])
        #expect(added.map(\.side) == [.raising, .receiving, .receiving, .partnership])
        #expect(added.allSatisfy { $0.stage == "discussion" })

        dispute.expectRefused(
            .addParticipant(Parties.iro, capacity: .independentReviewingOfficer), .alreadyParticipating("Ivy Rowe"),
            mentioning: ["Ivy Rowe", "already"])
        dispute.expectRefused(.addParticipant(Parties.officer, capacity: nil), .alreadyParticipating("Pat Collins"))
        // The same person may also take part in a further capacity.
        try dispute.run(.addParticipant(Parties.officer, capacity: .namedProfessional))
    }

    @Test func stageRecordsAreMergedAndLearningNeedsItsText() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Phoned the officer")))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Not agreed", learningIdentified: false)))
        #expect(
            dispute.state.currentStage.records
                == StageRecords(actionsTaken: "Phoned the officer", outcome: "Not agreed", learningIdentified: false))
        let events = try dispute.run(
            .recordStageRecords(StageRecords(learningIdentified: true, learning: "Share logs on request")))
        guard case .stageRecordsRecorded(let recorded) = events.first else {
            Issue.record("expected .stageRecordsRecorded in \(events)"); return
        }
        #expect(recorded.stage == "frontline" && recorded.records.learning == "Share logs on request")
        #expect(dispute.state.currentStage.records.learningIdentified == true)
        #expect(dispute.state.currentStage.records.actionsTaken == "Phoned the officer")

        dispute.expectRefused(
            .recordStageRecords(StageRecords(learningIdentified: true, learning: " ")),
            .missingField("what learning was identified"), mentioning: ["learning"])
        dispute.expectRefused(
            .recordStageRecords(StageRecords(actionsTaken: " ", outcome: "")),
            .missingField("at least one of the stage's records"), mentioning: ["records"])
    }
}
