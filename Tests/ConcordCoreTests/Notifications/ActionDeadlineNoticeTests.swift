import Foundation
import Testing

@testable import ConcordCore

/// The plans are agreed "including timescales": each open action is watched until it is done,
/// and its notices go to the person whose action it is.
@Suite struct ActionDeadlineNoticeTests {
    let monday = ukDate("2027-02-01")

    func planned() throws -> DisputeHarness {
        var dispute = try DisputeHarness("oldham", on: monday)
        try dispute.run(
            .agreePlan([
                PlannedAction(
                    id: "a1", action: "Share the incident log for Jamie", owner: Parties.officer,
                    due: ukDate("2027-02-04"))
            ]))
        return dispute
    }

    @Test("An open action in the plan is watched until it is done or the dispute ends")
    func openActionsAreWatched() throws {
        var dispute = try planned()
        #expect(dispute.state.watchedActions.map(\.id) == ["a1"])
        #expect(dispute.state.watchedActions.first?.due == ukDate("2027-02-04"))
        try dispute.run(.completeAction(id: "a1", note: nil))
        #expect(dispute.state.watchedActions.isEmpty)
        var withdrawn = try planned()
        try withdrawn.run(.withdraw(reason: "Agreed after all"))
        #expect(withdrawn.state.watchedActions.isEmpty)
    }

    @Test("The reminder goes to the action's owner; the overdue notice to them and their line manager")
    func noticesReachTheOwner() throws {
        let action = try #require(try planned().state.watchedActions.first)
        let subject = ActionDeadlineNotice.Subject(
            disputeID: "d-1", reference: "D-1", partnership: "Oldham", action: action)
        let reminder = ActionDeadlineNotice.notice(for: subject, due: .reminder)
        #expect(reminder.kind == .reminder && reminder.audience == .people([Parties.officer]))
        #expect(reminder.subject == "D-1: your action is due Thursday 4 February 2027")
        let overdue = ActionDeadlineNotice.notice(for: subject, due: .overdue(occurrence: 1, workingDays: 2))
        #expect(overdue.kind == .overdue && overdue.audience == .personAndLineManager(Parties.officer))
        #expect(overdue.subject == "D-1: an action is overdue by 2 working days")
        // What people wrote about the child stays in the details, never in the facts or lead.
        for notice in [reminder, overdue] {
            #expect(!notice.content.lead.contains("Jamie"))
            #expect(notice.content.facts.allSatisfy { !$0.value.contains("Jamie") })
            #expect(notice.content.details.first?.lines == ["Share the incident log for Jamie"])
        }
        #expect(reminder.key != overdue.key)
    }
}
