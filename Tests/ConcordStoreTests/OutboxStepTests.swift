import ConcordCore
import ConcordStore
import Foundation
import Testing

/// "One message per person per step, and only to those the protocol or the step concerns."
@Suite struct OutboxStepTests {
    func messages(_ fixture: Fixture) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership)
    }

    @Test(
        "those concerns should be communicated to their line manager and/or their organisation’s designated lead for safeguarding immediately: in one message when they are also named",
        arguments: Backend.allCases)
    func aLineManagerNamedOnARaiseThatReportsHarmGetsOneUrgentMessage(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, policy: "sunderland")
            var command = fixture.raiseCommand(significantHarm: true)
            command.raisedBy = fixture.practitioner
            command.professionals = [fixture.otherManager, fixture.manager]
            _ = try await fixture.store.raise(command, partnership: fixture.partnership, at: .london("2026-12-21"))
            let queued = try await messages(fixture)
            #expect(queued.map(\.recipientName).sorted() == ["Ola Manager", "Pat Worker", "Sam Manager"])
            let sam = try #require(queued.first { $0.recipientName == "Sam Manager" })
            #expect(sam.kind == .significantHarm && sam.urgent && sam.status == .pending)
            #expect(sam.text.contains("significant harm") && sam.text.contains("you are named on it"))
            #expect(queued.filter { $0.recipientName != "Sam Manager" }.allSatisfy { $0.kind == .named && !$0.urgent })
        }
    }

    @Test(
        "Stage 2: contact will need to be established between allocated senior manager or head of service: its confirmations go to them, not to stage 1's practitioners",
        arguments: Backend.allCases)
    func aStageTwoStepIsNotSentToThoseOnlyAtStageOne(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            var command = fixture.raiseCommand()
            command.professionals = [fixture.otherManager, fixture.otherPractitioner]
            let raised = try await fixture.store.raise(
                command, partnership: fixture.partnership, at: .london("2026-12-21"))
            let escalated = try await fixture.escalate(try await fixture.readyToEscalate(raised))
            let before = Set(try await messages(fixture).map(\.id))
            _ = try await fixture.perform(
                .recordStageRecords(StageRecords(outcome: "Heads of service agreed a joint visit")), on: escalated)
            let step = try await messages(fixture).filter { !before.contains($0.id) }
            #expect(step.map(\.recipientName).sorted() == ["Ola Manager", "Sam Manager"])
            #expect(step.allSatisfy { $0.subject.hasSuffix(": stage records") })
            // Oldham's confirmations carry the agreed outcome even off the secure domains.
            #expect(step.allSatisfy { $0.text.contains("Heads of service agreed a joint visit") })
        }
    }
}
