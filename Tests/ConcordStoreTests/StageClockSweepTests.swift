import ConcordCore
import ConcordStore
import Foundation
import Testing

/// A stage's further clocks are watched like its own deadline: a reminder the working day
/// before to the people on the side whose clock it is, and an overdue notice after, to their
/// line managers too unless the protocol calls its timescale indicative.
@Suite struct StageClockSweepTests {
    static let policy = """
        id: riverside
        name: Riverside Escalation Procedure
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: managers
            title: Managers
            summary: The receiving agency replies, then writes.
            participants:
              - level: line-manager
            timescale: none
            clocks:
              - id: reply
                name: The receiving agency replies
                kind: respond-within
                working_days: 3
                indicative: true
              - id: plan
                name: The receiving agency proposes a plan
                kind: respond-within
                working_days: 3
          - id: directors
            title: Directors
            summary: Directors decide.
            participants:
              - level: director
            timescale: none

        """

    func messages(_ fixture: Fixture, about clock: String) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership).filter {
            ($0.kind == .reminder || $0.kind == .overdue) && $0.text.contains(clock)
        }
    }

    @Test(
        "Clocks at a stage are reminded to their side, and an indicative one's overdue notice spares the line manager",
        arguments: Backend.allCases)
    func clocksAreWatched(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            try await Directory(database).installPolicy(
                Self.policy, file: "riverside.yaml", partnership: fixture.partnership)
            // Raised on Monday 21 December 2026 with Ola Manager (health) named; Hana Visitor,
            // whose line manager is Ola, joins. Both clocks are due Thursday 24 December.
            let raised = try await fixture.raise()
            #expect(raised.state.raised.policyID == "riverside")
            _ = try await fixture.perform(.addParticipant(fixture.otherPractitioner, capacity: nil), on: raised)
            let sweep = DeadlineSweep(database)
            _ = try await sweep.run(at: .london("2026-12-23", hour: 7))
            let reminders = try await messages(fixture, about: "The receiving agency replies")
            #expect(Set(reminders.map(\.recipientName)) == ["Ola Manager", "Hana Visitor"])
            #expect(reminders.allSatisfy { $0.kind == .reminder })
            #expect(try await messages(fixture, about: "Sam Manager").isEmpty, "the raising side's clock it is not")

            _ = try await sweep.run(at: .london("2026-12-29", hour: 7))
            let indicative = try await messages(fixture, about: "The receiving agency replies").filter {
                $0.kind == .overdue
            }
            #expect(indicative.map(\.recipientName).sorted() == ["Hana Visitor", "Ola Manager"])
            let firm = try await messages(fixture, about: "The receiving agency proposes a plan").filter {
                $0.kind == .overdue
            }
            #expect(firm.map(\.recipientName).sorted() == ["Hana Visitor", "Ola Manager", "Ola Manager"])
        }
    }
}
