import Foundation
import Testing

@testable import ConcordCore

/// Sunderland's agreed timescales, its records at steps 2 and 4, and its month.
@Suite struct SunderlandFidelityTests {
    let monday = ukDate("2027-02-01")

    @Test(
        "Timescales, not exceeding 5 working days, should be agreed for each stage taking into consideration risk to the child"
    )
    func agreedTimescaleReplacesTheStageDeadline() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        #expect(dispute.state.currentStage.due == ukDate("2027-02-08"))
        dispute.expectRefused(
            .agreeTimescale(workingDays: 6, reason: "Busy", agreedBy: Parties.bothSides),
            .agreedTimescaleTooLong(maximum: 5), mentioning: ["5 working days"])
        dispute.expectRefused(
            .agreeTimescale(workingDays: 2, reason: " ", agreedBy: Parties.bothSides),
            .missingField("why this timescale was agreed, taking into account the risk to the child"))
        try dispute.run(
            .agreeTimescale(
                workingDays: 2, reason: "The child is at home with the adult concerned", agreedBy: Parties.bothSides))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.agreedTimescale?.reason == "The child is at home with the adult concerned")
        #expect(
            dispute.state.currentStage.deadlineName(in: dispute.engine.policy)
                == "The timescale agreed for this stage ends")
    }

    @Test("A timescale for response from the other line manager should also be agreed")
    func theResponseHasItsOwnAgreedTimescale() throws {
        var dispute = try DisputeHarness("sunderland", on: monday)
        let tuesday = ukDate("2027-02-02")
        dispute.today = tuesday
        dispute.expectRefused(
            .agreeTimescale(
                workingDays: 5, reason: "Risk", agreedBy: Parties.bothSides,
                response: ResponseRequest(from: Parties.officer, workingDays: 6)),
            .agreedTimescaleTooLong(maximum: 5))
        dispute.expectRefused(
            .agreeTimescale(
                workingDays: 5, reason: "Risk", agreedBy: Parties.bothSides,
                response: ResponseRequest(from: Parties.policeManager, workingDays: 2)),
            .responderNotTakingPart("Tina Moss"), mentioning: ["add them to the dispute"])
        try dispute.run(
            .agreeTimescale(
                workingDays: 5, reason: "The child is safe at school meanwhile", agreedBy: Parties.bothSides,
                response: ResponseRequest(from: Parties.officer, workingDays: 2)))
        // Two working days from the day it was agreed, not from the stage's start.
        let response = try #require(dispute.state.currentStage.agreedTimescale?.response)
        #expect(response.due == ukDate("2027-02-04"))
        #expect(
            dispute.state.watchedActions.map(\.owner) == [Parties.officer]
                && dispute.state.watchedActions.first?.kind == .response)
        // Their response is given in a discussion they take part in.
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-03"), method: .telephone, participants: [Parties.councilManager],
                summary: "Chased the police"), on: ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.responseGivenOn == nil)
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-03"), method: .telephone, participants: Parties.bothSides,
                summary: "The police responded"))
        #expect(dispute.state.currentStage.responseGivenOn == ukDate("2027-02-03"))
        #expect(dispute.state.watchedActions.isEmpty)
    }

    @Test("A policy whose timescale is not agreed by the people at the stage refuses an agreed one")
    func oldhamHasNoAgreedTimescale() throws {
        let dispute = try DisputeHarness("oldham", on: monday)
        dispute.expectRefused(
            .agreeTimescale(workingDays: 2, reason: "Risk", agreedBy: Parties.bothSides),
            .noAgreedTimescale(stage: "team-manager"))
    }

    @Test("The line manager should review the concern to ensure it is justified")
    func stepTwoNeedsTheLineManagersReview() throws {
        let policy = try #require(PolicyLibrary.builtIn("sunderland"))
        #expect(policy.stage("line-managers")?.records.contains(.concernReviewed) == true)
        #expect(policy.stage("sscp")?.records.contains(.interventionDecision) == true)
        #expect(policy.stage("sscp")?.participants.first { $0.level == .independentScrutineer }?.onlyIf != nil)
        #expect(policy.referenceDocuments.map(\.title) == ["Thresholds document"])
    }

    @Test("The process should be completed within a month: a month ending on a weekend runs to the next working day")
    func monthEndingOnASundayRunsToMonday() throws {
        // 16 December 2026 + 1 month = Saturday 16 January 2027.
        let saturday = try DisputeHarness("sunderland", on: ukDate("2026-12-16"))
        #expect(saturday.state.overallDue == ukDate("2027-01-18"))
        // 26 February 2027 + 1 month = Good Friday, 26 March 2027; Easter Monday follows.
        let goodFriday = try DisputeHarness("sunderland", on: ukDate("2027-02-26"))
        #expect(goodFriday.state.overallDue == ukDate("2027-03-30"))
    }
}
