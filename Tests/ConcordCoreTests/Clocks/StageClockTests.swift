import Foundation
import Testing

@testable import ConcordCore

/// A stage with several deadlines inside it, as other partnerships' protocols set them: "the
/// receiving agency will speak to you within 3 working days", "an outcome letter within a
/// further 2 working days", and a mediation offer that is only indicative. Counted on the
/// England and Wales calendar over Christmas 2026.
@Suite struct StageClockTests {
    static let policyText = """
        id: riverside
        name: Riverside Escalation Procedure
        partnership: Riverside Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: practitioners
            title: Practitioners
            summary: The receiving agency speaks to the practitioner who raised it, then writes.
            participants:
              - level: practitioner
            timescale: none
            clocks:
              - id: reply
                name: The receiving agency speaks to the practitioner who raised it
                kind: respond-within
                by: receiving
                working_days: 3
                quote: The receiving agency will speak to you within 3 working days.
              - id: outcome-letter
                name: Outcome letter to the raising agency
                kind: letter-within
                letter: Outcome letter
                working_days: 2
                after: reply
                quote: An outcome letter will follow within a further 2 working days.
          - id: managers
            title: Managers
            summary: Managers meet.
            participants:
              - level: line-manager
            timescale: none
            clocks:
              - id: contact
                name: The managers make contact
                kind: begin-within
                met_by: first-contact
                hours: 48
                indicative: true
                quote: Managers should make contact within 48 hours; timescales are indicative.

        """

    static func engine() throws -> DisputeEngine {
        let policy = try PolicyReader.read(policyText, file: "riverside.yaml")
        return DisputeEngine(
            policy: policy, policyVersion: "sha-riverside", calendar: WorkingCalendar(region: .englandAndWales))
    }

    static func started(_ events: [DisputeEvent]) -> [DisputeEvent.ClockStarted] {
        events.compactMap { if case .clockStarted(let started) = $0 { started } else { nil } }
    }

    /// "The receiving agency will speak to you within 3 working days": from Monday 21 December,
    /// due Thursday 24 December.
    @Test func aClockStartsWithTheStage() throws {
        let engine = try Self.engine()
        let events = try engine.raise(Parties.raise(), at: noon(ukDate("2026-12-21")))
        let started = Self.started(events)
        #expect(started.map(\.clock) == ["reply"])
        #expect(started.first?.due == ukDate("2026-12-24"))
        #expect(started.first?.by == .receiving)
        #expect(events.last.map { if case .clockStarted = $0 { true } else { false } } == true)
    }

    /// "An outcome letter will follow within a further 2 working days": the reply on Wednesday
    /// 23 December meets the first clock and starts the letter's, due Tuesday 29 December after
    /// Christmas Day and the substitute Boxing Day.
    @Test func theReceivingSidesReplyMeetsItsClockAndStartsTheNext() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-22"), method: .email, participants: [Parties.socialWorker], summary: "Chased"),
            on: ukDate("2026-12-22"))
        #expect(dispute.state.currentStage.clocks.map(\.metOn) == [nil], "the raising side alone does not reply")
        let events = try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-23"), method: .telephone,
                participants: [Parties.socialWorker, Parties.officer],
                summary: "Spoke"),
            on: ukDate("2026-12-23"))
        #expect(Self.started(events).map(\.clock) == ["outcome-letter"])
        #expect(Self.started(events).first?.due == ukDate("2026-12-29"))
        #expect(dispute.state.currentStage.clocks.map(\.metOn) == [ukDate("2026-12-23"), nil])
    }

    @Test func theLetterIsRecordedOnceWhenItsClockHasStarted() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        let letter = DisputeCommand.recordLetter(
            clock: "outcome-letter", sentOn: ukDate("2026-12-24"), to: "Sam Walker, Children's Social Care",
            summary: "The log will be shared")
        dispute.today = ukDate("2026-12-24")
        dispute.expectRefused(letter, .noLetterDue("Outcome letter"), mentioning: ["once its clock starts"])
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-23"), method: .telephone, participants: [Parties.officer], summary: "Spoke"))
        dispute.expectRefused(
            .recordLetter(clock: "outcome-letter", sentOn: ukDate("2026-12-29"), to: "Sam", summary: nil),
            .letterInFuture)
        dispute.expectRefused(
            .recordLetter(clock: "outcome-letter", sentOn: ukDate("2026-12-24"), to: " ", summary: nil),
            .missingField("who the outcome letter was sent to"))
        dispute.expectRefused(
            .recordLetter(clock: "reply", sentOn: ukDate("2026-12-24"), to: "Sam", summary: nil), .noLetterDue("letter")
        )
        try dispute.run(letter)
        #expect(dispute.state.currentStage.clocks.map(\.metOn) == [ukDate("2026-12-23"), ukDate("2026-12-24")])
        #expect(dispute.state.currentStage.clocks.last?.letter?.to == "Sam Walker, Children's Social Care")
        dispute.expectRefused(letter, .letterAlreadySent("Outcome letter"))
        #expect(DisputeState.replay(dispute.history) == dispute.state)
    }

    /// Each person on the side whose clock it is has it in their work until it is met.
    @Test func openClocksAreWatchedForTheSideWhoseClockItIs() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        let watched = dispute.state.watchedActions
        #expect(watched.map(\.owner) == [Parties.officer])
        #expect(watched.first?.kind == .clock)
        #expect(watched.first?.action == "The receiving agency speaks to the practitioner who raised it")
        #expect(watched.first?.due == ukDate("2026-12-24"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-21"), method: .telephone, participants: [Parties.officer], summary: "Spoke"))
        #expect(dispute.state.watchedActions.map(\.action) == ["Outcome letter to the raising agency"])
    }

    /// "Within 48 hours", indicative, counted from the managers' stage starting on Wednesday
    /// 23 December: due Tuesday 29 December. Once overdue only the managers themselves are told.
    @Test func anIndicativeClockInHoursTellsOnlyItsPeopleWhenOverdue() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-21"), method: .telephone, participants: [Parties.officer], summary: "Spoke"))
        try dispute.run(
            .recordLetter(clock: "outcome-letter", sentOn: ukDate("2026-12-22"), to: "Sam", summary: nil),
            on: ukDate("2026-12-22"))
        let events = try dispute.run(
            .escalate(reason: "Not agreed", evidence: nil, people: [Parties.councilManager, Parties.policeManager]),
            on: ukDate("2026-12-23"))
        let contact = try #require(Self.started(events).first)
        #expect(contact.clock == "contact" && contact.indicative && contact.due == ukDate("2026-12-29"))
        let watched = dispute.state.watchedActions
        #expect(watched.count == 4, "everyone taking part, on both sides: \(watched.map(\.owner.name))")
        let subject = ActionDeadlineNotice.Subject(
            disputeID: "d", reference: "D-1", partnership: "Riverside", action: try #require(watched.first))
        let overdue = ActionDeadlineNotice.notice(for: subject, due: .overdue(occurrence: 1, workingDays: 1))
        #expect(overdue.audience == .people([watched[0].owner]))
        #expect(overdue.content.action?.contains("indicative") == true)
        try dispute.run(
            .recordDiscussion(
                heldOn: ukDate("2026-12-24"), method: .telephone, participants: [Parties.councilManager],
                summary: "Called"),
            on: ukDate("2026-12-24"))
        #expect(dispute.state.watchedActions.isEmpty)
    }
}
