import Foundation
import Testing

@testable import ConcordCore

/// The five-stage flowchart's clocks: the chain of manager discussions at stage 3, the
/// mediation offered at stage 5, and the learning its stage 4 meeting records.
@Suite struct FlowchartFidelityTests {
    let monday = ukDate("2027-02-01")

    /// Takes a flowchart dispute to `stages` (1-based) with everything each stage needs.
    func dispute(at stages: Int) throws -> DisputeHarness {
        var dispute = try DisputeHarness("five-stage-flowchart", on: monday)
        for _ in 1..<stages {
            try dispute.run(
                .agreePlan([
                    PlannedAction(
                        id: "p\(dispute.stageIDs.count)", action: "Act", owner: Parties.socialWorker, due: monday)
                ]))
            try dispute.run(.completeAction(id: "p\(dispute.stageIDs.count)", note: nil))
            try dispute.run(
                .escalate(reason: "Unresolved", evidence: "Every effort made", people: [Parties.councilManager]))
        }
        return dispute
    }

    @Test("Each Manager discussion should take place within *5 working days* of the previous stage")
    func eachManagerDiscussionStartsItsOwnClock() throws {
        var dispute = try dispute(at: 3)
        #expect(dispute.state.currentStage.stage == "senior-manager")
        #expect(dispute.state.currentStage.due == ukDate("2027-02-08"))
        try dispute.run(
            .recordDiscussion(heldOn: ukDate("2027-02-04"), method: .telephone, participants: [], summary: "Seniors"),
            on: ukDate("2027-02-04"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-11"))
        #expect(dispute.state.currentStage.deadlineName(in: dispute.engine.policy) == "The next discussion is due")
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2027-02-10"), method: .telephone, participants: [], summary: "Next level"),
            on: ukDate("2027-02-10"))
        #expect(dispute.state.currentStage.due == ukDate("2027-02-17"))
    }

    @Test(
        "one of the Strategic Leads will offer mediation within 5 working days of notification to the Business Office")
    func mediationOfferedMeetsStageFive() throws {
        var dispute = try dispute(at: 5)
        #expect(dispute.state.currentStage.stage == "partnership-resolution")
        #expect(dispute.state.currentStage.due == ukDate("2027-02-08"))
        #expect(
            dispute.state.currentStage.deadlineName(in: dispute.engine.policy) == "The mediation must be offered by")
        try dispute.run(
            .scheduleMeeting(
                ScheduleMeeting(
                    date: ukDate("2027-02-10"), start: MeetingTime(hour: 10, minute: 0)!, durationMinutes: 60,
                    location: "Partnership office", invited: Parties.bothSides, organiser: Parties.businessManager)),
            on: ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.metOn == ukDate("2027-02-03"))
        #expect(dispute.state.currentStage.due == nil)
    }

    @Test("This may involve a resolution meeting to ensure any learning points are recorded and brought forward")
    func directorsMeetingRecordsLearning() throws {
        var dispute = try dispute(at: 4)
        #expect(dispute.state.currentStage.stage == "director")
        dispute.expectRefused(
            .recordMinutes(Parties.minutes(on: monday, attendees: Parties.bothSides, agencies: dispute.state.agencies)),
            .missingField("the learning points (write \"none identified\" if there were none)"))
        try dispute.holdMeeting(learning: "Share chronologies earlier")
        #expect(dispute.state.learning.map(\.text) == ["Share chronologies earlier"])
        #expect(dispute.state.learning.first?.source == .meetingMinutes)
    }
}
