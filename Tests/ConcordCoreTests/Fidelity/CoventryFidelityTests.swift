import Foundation
import Testing

@testable import ConcordCore

/// Coventry's one working day for the professionals, and its stage 4 review.
@Suite struct CoventryFidelityTests {
    let monday = ukDate("2027-02-01")
    let seniors = [Parties.councilSenior, Parties.policeSenior]

    @Test(
        "this should happen within one working day. However, if this is not achievable staff are responsible for immediately notifying their line manager"
    )
    func oneWorkingDayIsForTheProfessionalsOnly() throws {
        var dispute = try DisputeHarness("coventry", on: monday)
        #expect(dispute.state.currentStage.due == ukDate("2027-02-02"))
        try dispute.run(
            .recordDiscussion(heldOn: monday, method: .telephone, participants: Parties.bothSides, summary: "Talked"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-02"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-02"), method: .telephone, participants: [Parties.councilManager],
                summary: "Line manager told"), on: ukDate("2027-02-02"))
        #expect(dispute.state.currentStage.metOn == ukDate("2027-02-02"))
        #expect(dispute.state.currentStage.due == nil)
    }

    func atStageFour() throws -> DisputeHarness {
        var dispute = try DisputeHarness("coventry", on: monday)
        for _ in 0..<3 {
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
            if dispute.state.currentStage.stage == "informal" {
                try dispute.run(.addParticipant(Parties.earlyHelpWorker, capacity: .earlyHelpProfessional))
            }
            try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: seniors))
        }
        return dispute
    }

    @Test("In all cases which reach this stage, consideration should be given to holding a multi-agency review")
    func reviewIsConsideredOnReachingStageFourAndRecorded() throws {
        var dispute = try atStageFour()
        #expect(dispute.state.currentStage.stage == "head-of-safeguarding")
        dispute.expectRefused(
            .recordReview(ReviewRecord(heldOn: monday, participants: seniors, lessons: "x", policyChanges: nil)),
            .reviewNotHeld(review: "multi-agency review"))
        try dispute.run(.considerReview(willHold: true, note: "Learning for both agencies"))
        dispute.expectRefused(
            .considerReview(willHold: false, note: nil), .reviewAlreadyConsidered(review: "multi-agency review"))
        try dispute.run(
            .recordStageRecords(StageRecords(actionsTaken: "Head of Safeguarding decided", outcome: "Agreed")))
        try dispute.run(.resolve(outcome: "Agreed", agreedBy: Parties.bothSides, followUp: nil))
        // The decision was made on reaching the stage, so closing does not ask again.
        try dispute.run(.close(reviewHeld: nil, note: nil))
        #expect(dispute.state.status == .closed)
    }

    @Test("to learn lessons and develop policy as a result of the disagreement")
    func reviewRecordsLessonsAndPolicyChanges() throws {
        var dispute = try atStageFour()
        try dispute.run(.considerReview(willHold: true, note: nil))
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Decided", outcome: "Agreed")))
        try dispute.run(.resolve(outcome: "Agreed", agreedBy: Parties.bothSides, followUp: nil))
        dispute.today = ukDate("2027-02-09")
        dispute.expectRefused(
            .recordReview(
                ReviewRecord(heldOn: ukDate("2027-02-10"), participants: seniors, lessons: "x", policyChanges: nil)),
            .reviewInFuture, mentioning: ["review can only be recorded once it has been held"])
        try dispute.run(
            .recordReview(
                ReviewRecord(
                    heldOn: ukDate("2027-02-10"), participants: seniors, lessons: "Escalate threshold disputes sooner",
                    policyChanges: "Add a threshold example to the policy")), on: ukDate("2027-02-12"))
        let review = try #require(dispute.state.reviews.first)
        #expect(
            review.review == "multi-agency review" && review.policyChanges == "Add a threshold example to the policy")
        #expect(dispute.state.learning.last?.source == .review)
    }
}
