import ConcordCore
import ConcordStore
import Foundation
import Testing

/// "Copy to the Business Manager": people a stage informs receive its notices and written
/// confirmations without taking part.
@Suite struct InformedPartyTests {
    static let policy = """
        id: informing
        name: Informing Procedure
        partnership: Oldham Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: managers
            title: Managers
            summary: Managers talk, with a copy to the business manager.
            participants:
              - level: line-manager
            timescale: none
            inform:
              - level: partnership-business-office
                quote: copy to the Business Manager
          - id: seniors
            title: Seniors
            summary: Seniors meet, and the practitioners are told.
            participants:
              - level: head-of-service
            timescale: none
            inform:
              - level: practitioner

        """

    func recipients(_ fixture: Fixture, _ subject: String) async throws -> [String] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership)
            .filter { $0.subject.localizedCaseInsensitiveContains(subject) }.map(\.recipientName).sorted()
    }

    @Test("A stage's informed parties are told of it and sent its confirmations", arguments: Backend.allCases)
    func informedPartiesAreTold(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            try await Directory(database).installPolicy(
                Self.policy, file: "informing.yaml", partnership: fixture.partnership)
            let raised = try await fixture.raise()
            #expect(try await recipients(fixture, "dispute raised") == ["Bea Office", "Ola Manager", "Sam Manager"])
            #expect(!raised.state.participants.contains { $0.person.name == "Bea Office" }, "informed, not taking part")

            let discussed = try await fixture.perform(
                .recordDiscussion(
                    heldOn: LocalDate(iso: "2026-12-21")!, method: .telephone, participants: [fixture.otherManager],
                    summary: "Talked it through"), on: raised)
            #expect(try await recipients(fixture, "discussion").contains("Bea Office"))

            // At the next stage the disputing agencies' practitioners are told; the business
            // office no longer is, and nobody from outside the two agencies.
            _ = try await fixture.perform(
                .escalate(reason: "Not agreed", evidence: nil, people: [fixture.manager, fixture.otherManager]),
                on: discussed)
            let escalated = try await recipients(fixture, "escalated")
            #expect(
                escalated.contains("Pat Worker") && escalated.contains("Hana Visitor")
                    && escalated.contains("Ira Reviewer"),
                "\(escalated)")
            #expect(!escalated.contains("Bea Office"))
        }
    }
}
