import Foundation
import Testing

@testable import ConcordCore

@Suite struct MeetingChairNoticeTests {
    @Test(
        "If a meeting is required, the meeting will be chaired by the Independent Scrutiny Officer: the invitation names the chair"
    )
    func theInvitationNamesTheChairThePolicyNames() throws {
        let policy = try #require(PolicyLibrary.builtIn("north-east-lincolnshire"))
        let day = LocalDate(iso: "2026-12-01")!
        var state = try #require(
            DisputeState(
                first: try builtInEngine("north-east-lincolnshire").raise(Parties.raiseStrategic(), at: noon(day))[0],
                at: noon(day)))
        state.apply(.stageEntered(.init(stage: "independent-scrutiny-officer", startedOn: day)), at: noon(day))
        let meeting = DisputeEvent.MeetingScheduled(
            meetingID: "M1", sequence: 0, stage: "independent-scrutiny-officer", name: "Meeting", date: day,
            start: try #require(MeetingTime(hour: 10, minute: 0)), durationMinutes: 60, location: "Town hall",
            invited: [Parties.scrutineer, Parties.councilDirector], organiser: Parties.businessManager)
        let notice = try #require(
            NoticePlanner(policy: policy, disputeID: "d1").notices(
                for: [.meetingScheduled(meeting)], firstVersion: 3, state: state, actor: Parties.businessManager
            ).first)
        #expect(notice.content.facts.contains(NoticeContent.Fact("Chaired by", "Ida Scott (Partnership)")))
    }
}
