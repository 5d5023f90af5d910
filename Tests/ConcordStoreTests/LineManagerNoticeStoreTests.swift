import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Coventry: "if this is not achievable staff are responsible for immediately notifying their
/// line manager. Safeguarding leads (or equivalent) can be used in the place of line managers
/// where appropriate."
@Suite struct LineManagerNoticeStoreTests {
    func told(_ fixture: Fixture) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership).filter {
            $0.kind == .lineManagerTold
        }
    }

    @Test(
        "staff are responsible for immediately notifying their line manager: an urgent message, even to someone who chose a digest",
        arguments: Backend.allCases)
    func thePractitionersLineManagerIsToldAtOnce(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, policy: "coventry")
            try await MailPreferences(database).setDigest(person: UUID(uuidString: fixture.manager.id)!, true)
            var command = fixture.raiseCommand()
            command.raisedBy = fixture.practitioner
            let raised = try await fixture.store.raise(
                command, partnership: fixture.partnership, at: .london("2026-12-21"))
            _ = try await fixture.perform(
                .notifyLineManager(reason: "The school will not agree"), on: raised, by: fixture.practitioner)
            let messages = try await told(fixture)
            #expect(messages.map(\.recipientName) == ["Sam Manager"])
            #expect(messages.allSatisfy { $0.urgent && $0.status == .pending })
            #expect(messages.first?.text.contains("Pat Worker of Children's Social Care could not resolve") == true)
            #expect(messages.first?.text.contains("The school will not agree") == false)
        }
    }

    @Test(
        "Safeguarding leads (or equivalent) can be used in the place of line managers where appropriate",
        arguments: Backend.allCases)
    func withoutALineManagerTheDesignatedLeadsAreTold(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, policy: "coventry")
            try await Directory(database).setDesignatedLead(person: UUID(uuidString: fixture.iro.id)!, true)
            let raised = try await fixture.raise()
            _ = try await fixture.perform(.notifyLineManager(reason: "No agreement"), on: raised)
            #expect(try await told(fixture).map(\.recipientName) == ["Ira Reviewer"])
        }
    }
}
