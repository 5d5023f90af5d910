import Foundation
import Testing

@testable import ConcordCore

@Suite struct LearningTests {
    @Test func keysNameOnlyRecordsMinutesAndReviews() {
        for key in ["records-0", "records-12", "minutes-3-1", "review-0"] {
            #expect(LearningPoint.isKey(key), "\(key)")
        }
        for key in [
            "records", "records-", "records-x", "minutes-1", "review-1-2", "records--1", "other-1", "", "records-1 ",
        ] {
            #expect(!LearningPoint.isKey(key), "\(key)")
        }
    }

    @Test func noneIdentifiedIsNotLearning() {
        for text in ["None identified", "none.", "N/A", "No learning identified", "  NONE  "] {
            #expect(LearningPoint.saysNone(text), "\(text)")
        }
        for text in ["None of the agencies shared chronologies", "Share chronologies sooner"] {
            #expect(!LearningPoint.saysNone(text), "\(text)")
        }
    }

    @Test func anActionIsOverdueFromTheDayAfterItWasDueUntilDone() {
        let due = LocalDate(iso: "2027-01-12")!
        var action = LearningAction(
            id: UUID(), themeID: UUID(), themeTitle: "Information not shared", action: "Briefing", owner: "Office",
            dueOn: due, createdOn: LocalDate(iso: "2027-01-02")!)
        #expect(action.status(on: due) == .open)
        #expect(action.status(on: due.adding(days: 1)) == .overdue)
        action.completedOn = LocalDate(iso: "2027-01-20")
        #expect(action.status(on: due.adding(days: 30)) == .done)
        #expect(action.statusText(on: due) == "Done on 20 January 2027")
    }

    @Test func aThemeTitleIsNeededAndUniqueWhateverItsCase() {
        let themes = [LearningTheme(id: UUID(), title: "Information not shared")]
        #expect(LearningTheme.problem(title: " ", among: themes) == "Enter the theme")
        #expect(LearningTheme.problem(title: "INFORMATION not shared", among: themes) != nil)
        #expect(LearningTheme.problem(title: "Information not shared", among: themes, except: themes[0].id) == nil)
        #expect(LearningTheme.problem(title: String(repeating: "a", count: 121), among: []) != nil)
    }
}

/// Where a dispute's learning comes from, and the day it counts from.
@Suite struct DisputeLearningTests {
    @Test func learningIsDatedByTheDayItsWordsWereWritten() throws {
        var dispute = try DisputeHarness("sunderland", on: ukDate("2027-02-01"))
        let first = StageRecords(learningIdentified: true, learning: "Share chronologies")
        try dispute.run(.recordStageRecords(first), on: ukDate("2027-02-02"))
        // The records form sends the learning again with the outcome.
        var again = first
        again.actionsTaken = "Managers met"
        try dispute.run(.recordStageRecords(again), on: ukDate("2027-02-04"))
        #expect(dispute.state.learning.map(\.recordedOn) == [ukDate("2027-02-02")])
        try dispute.run(
            .recordStageRecords(StageRecords(learning: "Share chronologies before the first discussion")),
            on: ukDate("2027-02-05"))
        #expect(dispute.state.learning.map(\.recordedOn) == [ukDate("2027-02-05")])
        #expect(dispute.state.learning.map(\.key) == ["records-0"])
    }

    @Test func minutesAndReviewsAreLearningUnlessTheySayThereWasNone() throws {
        var dispute = try DisputeHarness("sunderland", on: ukDate("2027-02-01"))
        let stage = dispute.state.currentStage.stage
        let people = [Parties.socialWorker, Parties.officer]
        let agencies = [Parties.council, Parties.police]
        for learning in ["None identified", "Invite the school"] {
            dispute.record(
                .meetingMinutesRecorded(
                    DisputeEvent.MeetingMinutesRecorded(
                        stage: stage, meetingID: nil, name: "Resolution meeting",
                        minutes: Parties.minutes(
                            on: ukDate("2027-02-03"), attendees: people, agencies: agencies, learning: learning))),
                at: noon(ukDate("2027-02-03")))
        }
        dispute.record(
            .reviewRecorded(
                DisputeEvent.ReviewRecorded(
                    review: "multi-agency", heldOn: ukDate("2027-03-01"), participants: people,
                    lessons: "Escalate sooner", policyChanges: "Step 1 shortened")),
            at: noon(ukDate("2027-03-01")))
        let learning = dispute.state.learning
        #expect(learning.map(\.key) == ["minutes-0-1", "review-0"])
        #expect(learning.map(\.source) == [.meetingMinutes, .review])
        #expect(learning.map(\.recordedOn) == [ukDate("2027-02-03"), ukDate("2027-03-01")])
        #expect(learning.allSatisfy { LearningPoint.isKey($0.key) })
        #expect(learning.last?.policyChanges == "Step 1 shortened" && learning.last?.stage == nil)
    }
}
