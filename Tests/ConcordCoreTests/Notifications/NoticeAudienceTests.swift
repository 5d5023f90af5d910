import Foundation
import Testing

@testable import ConcordCore

/// Who each step writes to: one message per person per step, and only to those the protocol
/// or the step concerns.
@Suite struct NoticeAudienceTests {
    let day = LocalDate(iso: "2026-12-01")!

    func notices(_ dispute: DisputeHarness, _ events: [DisputeEvent]) -> [Notice] {
        NoticePlanner(policy: dispute.engine.policy, disputeID: "d1").notices(
            for: events, firstVersion: dispute.state.version - events.count + 1, state: dispute.state,
            actor: Parties.councilSenior)
    }

    func people(_ notice: Notice?) -> [String] {
        guard case .people(let people) = notice?.audience else { return [] }
        return people.map(\.name)
    }

    /// Oldham's first stage, its meeting held and its outcome recorded, escalated to heads of service.
    func oldhamAtStageTwo() throws -> (DisputeHarness, [DisputeEvent]) {
        var dispute = try DisputeHarness("oldham", on: day)
        try dispute.holdMeeting()
        try dispute.run(.recordStageRecords(StageRecords(outcome: "No agreement")))
        let events = try dispute.run(
            .escalate(
                reason: "No agreement at the meeting", evidence: nil,
                people: [Parties.councilSenior, Parties.policeSenior]))
        return (dispute, events)
    }

    @Test(
        "Stage 2: contact will need to be established between allocated senior manager or head of service: the escalation goes to them and to the team managers handing it on"
    )
    func escalationReachesTheStageJoinedAndTheStageLeft() throws {
        let (dispute, events) = try oldhamAtStageTwo()
        let started = notices(dispute, events).first { $0.kind == .stageStarted }
        #expect(people(started) == ["Helen Oakes", "Hugh Owen", "Sam Walker", "Pat Collins"])
    }

    @Test("One message per person per step, and only to those the protocol or the step concerns")
    func aStageTwoStepReachesItsOwnPeopleWithSubjectsThatDiffer() throws {
        var (dispute, _) = try oldhamAtStageTwo()
        let discussed = try dispute.run(
            .recordDiscussion(
                heldOn: day, method: .telephone, participants: [Parties.councilSenior, Parties.policeSenior],
                summary: "Heads of service talked"))
        let discussion = try #require(notices(dispute, discussed).first)
        #expect(people(discussion) == ["Helen Oakes", "Hugh Owen"])
        let planned = try dispute.run(
            .agreePlan([
                PlannedAction(id: "a1", action: "Share the log", owner: Parties.policeManager, due: day.adding(days: 3))
            ]))
        let plan = try #require(notices(dispute, planned).first)
        // Named in the plan, so concerned by it, though she does not take part otherwise.
        #expect(people(plan) == ["Helen Oakes", "Hugh Owen", "Tina Moss"])
        let fixed = "Stage 2 escalation following the partnership resolution policy – D-1"
        #expect(discussion.subject == "\(fixed): record of the discussion on 1 December 2026")
        #expect(plan.subject == "\(fixed): plan of action agreed")
    }

    @Test(
        "Agreed outcomes will be recorded and shared via email to ensure decision making captured on each agency’s electronic recording system"
    )
    func oldhamsConfirmationsCarryTheAgreedOutcomeWithoutIdentifyingTheChild() throws {
        var dispute = try DisputeHarness("oldham", on: day)
        let events = try dispute.run(
            .resolve(
                outcome: "Jamie Smith (CSC-1042, born 9 April 2016) will be seen at school; Jamie is safe",
                agreedBy: Parties.bothSides, followUp: nil))
        let notice = try #require(notices(dispute, events).first)
        #expect(people(notice) == ["Sam Walker", "Pat Collins"])
        let plain = NoticeLetter(
            notice, to: "Pat", disclosure: .withoutChildDetails, link: "https://x/d", partnership: "Oldham")
        #expect(plain.text.contains("The agreed outcome:\n[the child] ([the child], born [the child]) will be seen"))
        #expect(plain.text.contains("; [the child] is safe"))
        for secret in ["Jamie", "Smith", "CSC-1042", "POL-77", "2016"] {
            #expect(!plain.text.contains(secret) && !plain.html.contains(secret), "\(secret)")
        }
        let full = NoticeLetter(notice, to: "Pat", disclosure: .full, link: "https://x/d", partnership: "Oldham")
        #expect(full.text.contains("Jamie Smith (CSC-1042, born 9 April 2016) will be seen at school"))
    }

    @Test("A protocol that does not ask for it keeps the agreed outcome to the secure domains")
    func sunderlandsConfirmationsLeaveTheOutcomeInConcord() throws {
        var dispute = try DisputeHarness("sunderland", on: day)
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.discussWithLead()
        try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", learningIdentified: false)))
        let events = try dispute.run(
            .resolve(outcome: "Jamie will be seen at school", agreedBy: Parties.bothSides, followUp: nil))
        let notice = try #require(notices(dispute, events).first)
        let plain = NoticeLetter(
            notice, to: "Pat", disclosure: .withoutChildDetails, link: "https://x/d", partnership: "Sunderland")
        #expect(!plain.text.contains("seen at school"))
        #expect(plain.text.contains("What was written about the child is in Concord"))
    }

    @Test(
        "At any stage of the process actions/agreements must be fed back to the second tier management staff involved"
    )
    func coventrysSecondTierManagersReceiveEveryConfirmation() throws {
        let councilSecond = Parties.person("stm-council", "Sue Tier", Parties.council, .seniorManager)
        var dispute = try DisputeHarness("coventry", on: day)
        func leave(to people: [PersonRef]) throws {
            try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
            try dispute.run(.escalate(reason: "Still no agreement", evidence: nil, people: people))
        }
        try leave(to: [councilSecond, Parties.policeManager])
        try leave(to: [Parties.councilSenior, Parties.policeSenior])
        let events = try dispute.run(.recordStageRecords(StageRecords(actionsTaken: "Heads of service met")))
        let notice = try #require(notices(dispute, events).first)
        #expect(people(notice) == ["Helen Oakes", "Hugh Owen", "Sue Tier"])
        let plain = NoticeLetter(
            notice, to: "Sue", disclosure: .withoutChildDetails, link: "https://x/d", partnership: "Coventry")
        #expect(plain.text.contains("Actions taken:\nHeads of service met"))
    }
}
