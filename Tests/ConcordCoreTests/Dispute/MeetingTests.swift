import Foundation
import Testing

@testable import ConcordCore

/// Scheduling a stage's meeting and recording its minutes (Oldham's resolution meeting).
@Suite struct MeetingTests {
    let monday = ukDate("2027-02-01")
    let thursday = ukDate("2027-02-04")

    func schedule(
        on date: String = "2027-02-04", minutes: Int = 90, location: String = "Civic Centre, room 2",
        invited: [PersonRef] = [Parties.councilManager, Parties.policeManager]
    ) -> DisputeCommand {
        .scheduleMeeting(
            ScheduleMeeting(
                date: ukDate(date), start: MeetingTime(hour: 10, minute: 0)!, durationMinutes: minutes,
                location: location, invited: invited, organiser: Parties.socialWorker))
    }

    func minutes(
        held: String = "2027-02-04", attendees: [PersonRef] = [Parties.socialWorker, Parties.policeManager],
        purpose: String = " To agree whether to assess ", policeView: String = "No threshold met",
        actions: [PlannedAction]? = nil, review: String = "2027-02-18"
    ) -> DisputeCommand {
        .recordMinutes(
            MeetingMinutes(
                heldOn: ukDate(held), attendees: attendees, purpose: purpose,
                views: [
                    AgencyView(agency: Parties.council, view: "An assessment is needed"),
                    AgencyView(agency: Parties.police, view: policeView),
                ], circumstances: "Jamie, aged 10, child in need", options: "Joint visit; strategy discussion",
                actions: actions
                    ?? [
                        PlannedAction(
                            id: "1", action: "Joint visit", owner: Parties.policeManager, due: ukDate("2027-02-10"))
                    ],
                reviewOn: ukDate(review)))
    }

    @Test func aMeetingIsScheduledThenRearrangedUnderTheSameID() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        guard case .meetingScheduled(let first) = try dispute.run(schedule()).first else {
            Issue.record("expected .meetingScheduled"); return
        }
        #expect(first.meetingID == "M1" && first.sequence == 0 && first.stage == "team-manager")
        #expect(first.name == "Resolution meeting" && first.invited.count == 2 && first.durationMinutes == 90)
        #expect(dispute.state.pendingMeeting == first)
        guard case .meetingScheduled(let moved) = try dispute.run(schedule(on: "2027-02-05")).first else {
            Issue.record("expected .meetingScheduled"); return
        }
        #expect(moved.meetingID == "M1" && moved.sequence == 1 && moved.date == ukDate("2027-02-05"))
        #expect(dispute.state.meetings == [moved])
        #expect(DisputeState.replay(dispute.history) == dispute.state)
    }

    @Test func onlyAStageWhosePolicyHasAMeetingCanScheduleOrMinuteOne() throws {
        let dispute = try DisputeHarness("sunderland", on: monday)
        dispute.expectRefused(schedule(), .noMeeting(stage: "frontline"), mentioning: ["no meeting", "discussion"])
        dispute.expectRefused(minutes(held: "2027-02-01"), .noMeeting(stage: "frontline"))
    }

    @Test func schedulingNeedsAFutureDateALengthAPlaceAndInvitees() throws {
        let dispute = try DisputeHarness("oldham", on: monday)
        dispute.expectRefused(schedule(on: "2027-01-29"), .meetingInPast, mentioning: ["past"])
        dispute.expectRefused(schedule(minutes: 5), .meetingLength)
        dispute.expectRefused(
            schedule(location: "  "), .missingField("where the meeting is, or how to join it"))
        dispute.expectRefused(schedule(invited: []), .missingField("the people invited"))
    }

    @Test func minutesJoinTheRecordAndCountAsTheRequiredMeeting() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Not agreed")))
        try dispute.run(schedule())
        let escalate = DisputeCommand.escalate(reason: "No agreement", evidence: nil, people: [Parties.councilSenior])
        dispute.expectRefused(escalate, .meetingRequired("Resolution meeting", stage: "team-manager"))
        guard case .meetingMinutesRecorded(let recorded) = try dispute.run(minutes(), on: thursday).first else {
            Issue.record("expected .meetingMinutesRecorded"); return
        }
        #expect(recorded.meetingID == "M1" && recorded.stage == "team-manager" && recorded.name == "Resolution meeting")
        #expect(recorded.minutes.purpose == "To agree whether to assess")
        #expect(recorded.minutes.views.map(\.agency) == [Parties.council, Parties.police])
        #expect(dispute.state.currentStage.minutes == [recorded] && dispute.state.pendingMeeting == nil)
        #expect(dispute.state.currentStageMeetingHeld)
        let events = try dispute.run(escalate)
        #expect(events.first?.escalation?.to == "head-of-service")
        #expect(DisputeState.replay(dispute.history) == dispute.state)
    }

    @Test func minutesNeedEveryPartFilledInByPeopleTheDisputeKnows() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(schedule())
        dispute.today = thursday
        dispute.expectRefused(minutes(held: "2027-02-05"), .minutesBeforeMeeting)
        dispute.expectRefused(minutes(attendees: []), .missingField("who attended"))
        dispute.expectRefused(
            minutes(attendees: [Parties.scrutineer]), .unknownPerson("Ida Scott"), mentioning: ["Ida Scott", "add"])
        dispute.expectRefused(minutes(purpose: " "), .missingField("the purpose of the meeting"))
        dispute.expectRefused(minutes(policeView: ""), .missingField("Police's view"))
        dispute.expectRefused(minutes(actions: []), .missingField("at least one agreed action"))
        let stranger = PlannedAction(id: "1", action: "Visit", owner: Parties.dsl, due: ukDate("2027-02-10"))
        dispute.expectRefused(minutes(actions: [stranger]), .unknownPerson("Dana Lee"))
        let early = PlannedAction(id: "1", action: "Visit", owner: Parties.officer, due: ukDate("2027-02-03"))
        dispute.expectRefused(minutes(actions: [early]), .actionDueBeforeMeeting("Visit"))
        dispute.expectRefused(minutes(review: "2027-02-03"), .reviewBeforeMeeting)
    }

    @Test func meetingEventsAreStoredUnderTheirOwnTypeNames() throws {
        var dispute = try DisputeHarness("oldham", on: monday)
        let scheduled = try dispute.run(schedule())
        let minuted = try dispute.run(minutes(), on: thursday)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (event, type) in [(scheduled[0], "meeting-scheduled"), (minuted[0], "meeting-minutes-recorded")] {
            let json = String(decoding: try encoder.encode(event), as: UTF8.self)
            #expect(json.contains("\"type\":\"\(type)\""), "\(json)")
            #expect(try JSONDecoder().decode(DisputeEvent.self, from: Data(json.utf8)) == event)
        }
        let json = String(decoding: try encoder.encode(scheduled[0]), as: UTF8.self)
        #expect(json.contains("\"start\":\"10:00\"") && json.contains("\"date\":\"2027-02-04\""))
        #expect(MeetingTime(text: "9:05")?.description == "09:05")
        #expect(
            MeetingTime(text: "24:00") == nil && MeetingTime(text: "10:5") == nil && MeetingTime(text: "ab:cd") == nil)
    }
}
