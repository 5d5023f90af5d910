import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Messages are queued with the events that cause them, addressed to the right people, and
/// carry a child's details only to a partnership's secure domains.
@Suite struct OutboxTests {
    func messages(_ fixture: Fixture) async throws -> [OutboxMessage] {
        try await Outbox(fixture.database).messages(partnership: fixture.partnership).sorted {
            ($0.createdAt, $0.recipientName, $0.subject) < ($1.createdAt, $1.recipientName, $1.subject)
        }
    }

    @Test(arguments: Backend.allCases) func raisingQueuesANoticeToEveryoneNamed(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.raise()
            let queued = try await messages(fixture)
            #expect(Set(queued.map(\.recipientEmail)) == ["sam@csc.example", "ola@health.example"])
            #expect(queued.allSatisfy { $0.kind == .named && $0.status == .pending && $0.disputeID == dispute.id })
            #expect(queued.allSatisfy { $0.subject.hasPrefix(dispute.state.reference + ": ") })
            #expect(queued.allSatisfy { $0.text.contains("/disputes/\(dispute.id.uuidString)") })
            for message in queued {
                for secret in ["Child A", "CSC-1", "2019", "strategy discussion is met"] {
                    #expect(!message.text.contains(secret) && !message.html.contains(secret))
                }
                #expect(message.disclosure == .withoutChildDetails)
                #expect(message.text.contains("Stage 1: Team Manager or agency equivalent"))
            }
        }
    }

    @Test(arguments: Backend.allCases) func aRefusedCommandQueuesNothing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let dispute = try await fixture.raise()
            let before = try await messages(fixture).count
            await expectStoreError(.refused(.recordsMissing(stage: "team-manager", missing: [.outcome]))) {
                try await fixture.escalate(dispute)
            }
            #expect(try await messages(fixture).count == before)
        }
    }

    @Test(arguments: Backend.allCases) func confirmationsCarryTheProtocolsSubjectLines(_ backend: Backend) async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise()
            let discussed = try await fixture.perform(fixture.discussionCommand, on: raised)
            let escalated = try await fixture.escalate(try await fixture.readyToEscalate(discussed))
            let reference = escalated.state.reference
            let subjects = Set(try await messages(fixture).map(\.subject))
            #expect(
                subjects.contains(
                    "Stage 1 discussion following the partnership resolution policy – \(reference): record of the discussion on 1 December 2026"
                ))
            #expect(subjects.contains("Stage 2 escalation following the partnership resolution policy – \(reference)"))
            let confirmations = try await messages(fixture).filter {
                $0.kind == .confirmation && $0.recipientName == "Ola Manager"
            }
            #expect(confirmations.contains { $0.text.contains("written confirmation") })
            #expect(!confirmations.isEmpty && !confirmations.contains { $0.text.contains("Talked it through") })
        }
    }

    @Test(arguments: Backend.allCases) func secureDomainsReceiveTheFullRecord(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let preferences = MailPreferences(database)
            try await preferences.setSecureDomains("\nHealth.Example\n\n", partnership: fixture.partnership)
            #expect(try await preferences.secureDomains(partnership: fixture.partnership) == ["health.example"])
            do {
                try await preferences.setSecureDomains("nhs.net\n@gov.uk", partnership: fixture.partnership)
                Issue.record("an address was taken for a domain")
            } catch let error as SecureDomainError {
                #expect(error.line == 2 && error.domain == "@gov.uk")
            }
            #expect(try await preferences.secureDomains(partnership: fixture.partnership) == ["health.example"])
            _ = try await fixture.raise()
            let queued = try await messages(fixture)
            let full = try #require(queued.first { $0.recipientEmail == "ola@health.example" })
            let plain = try #require(queued.first { $0.recipientEmail == "sam@csc.example" })
            #expect(full.disclosure == .full && full.text.contains("Child A, born 2 April 2019"))
            #expect(full.text.contains("Children's Social Care reference CSC-1"))
            #expect(full.html.contains("strategy discussion is met"))
            #expect(plain.disclosure == .withoutChildDetails && !plain.text.contains("Child A"))
            #expect(plain.text.contains("not on Oldham Safeguarding Partnership's list of secure e-mail domains"))
        }
    }

    @Test(arguments: Backend.allCases) func significantHarmGoesAtOnceToTheLineManagerAndDesignatedLead(
        _ backend: Backend
    ) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, policy: "sunderland")
            let directory = Directory(database)
            let head = try await directory.addPerson(
                name: "Hal Head", email: "hal@csc.example", agency: fixture.socialCare, level: .headOfService,
                lineManager: nil)
            try await directory.setLineManager(
                person: UUID(uuidString: fixture.manager.id)!, manager: UUID(uuidString: head.id)!)
            try await directory.setDesignatedLead(person: UUID(uuidString: fixture.iro.id)!, true)
            // A designated lead who prefers a digest still hears of significant harm at once.
            try await MailPreferences(database).setDigest(person: UUID(uuidString: fixture.iro.id)!, true)
            _ = try await fixture.raise(significantHarm: true)
            let harm = try await messages(fixture).filter { $0.kind == .significantHarm }
            #expect(Set(harm.map(\.recipientName)) == ["Hal Head", "Ira Reviewer"])
            #expect(harm.count == 2 && harm.allSatisfy { $0.urgent && $0.status == .pending })
            #expect(harm.allSatisfy { $0.subject.contains("significant harm") && $0.text.contains("immediately") })
        }
    }

    @Test(arguments: Backend.allCases) func digestsGatherHeldMessagesOnceADay(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            try await MailPreferences(database).setDigest(person: UUID(uuidString: fixture.otherManager.id)!, true)
            let raised = try await fixture.raise()
            _ = try await fixture.perform(fixture.discussionCommand, on: raised)
            let held = try await messages(fixture).filter { $0.recipientName == "Ola Manager" }
            #expect(held.count == 2 && held.allSatisfy { $0.status == .held })
            let outbox = Outbox(database)
            #expect(
                try await outbox.assembleDigests(on: LocalDate(iso: "2026-12-22")!, at: .london("2026-12-22", hour: 7))
                    == 1)
            #expect(
                try await outbox.assembleDigests(on: LocalDate(iso: "2026-12-22")!, at: .london("2026-12-22", hour: 8))
                    == 0)
            let ola = try await messages(fixture).filter { $0.recipientName == "Ola Manager" }
            let digest = try #require(ola.first { $0.kind == .digest })
            #expect(digest.status == .pending)
            #expect(ola.filter { $0.status == .digested }.count == 2)
            #expect(digest.text.contains("1. \(held[0].subject)") && digest.text.contains("2. \(held[1].subject)"))
        }
    }

    @Test(arguments: Backend.allCases) func claimsSettleAndResend(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            _ = try await fixture.raise()
            let outbox = Outbox(database)
            let now = Date.london("2026-12-21", hour: 13)
            let claimed = try await outbox.claim(limit: 10, at: now, lease: 600)
            #expect(claimed.count == 2 && claimed.allSatisfy { $0.attempts == 1 })
            #expect(try await outbox.claim(limit: 10, at: now, lease: 600).isEmpty)
            try await outbox.markSent(claimed[0].id, at: now)
            try await outbox.markFailed(claimed[1].id, error: "permanent: 550 mailbox unavailable", retryAt: nil)
            // A lapsed claim is due again; a sent or failed message is not.
            #expect(try await outbox.claim(limit: 10, at: now + 3600, lease: 600).isEmpty)
            #expect(try await outbox.resend(claimed[0].id, partnership: fixture.partnership, at: now) == false)
            #expect(try await outbox.resend(claimed[1].id, partnership: UUID(), at: now) == false)
            #expect(try await outbox.resend(claimed[1].id, partnership: fixture.partnership, at: now))
            let again = try await outbox.claim(limit: 10, at: now, lease: 600)
            #expect(again.map(\.id) == [claimed[1].id] && again[0].attempts == 1)
            #expect(try await outbox.claim(limit: 10, at: now + 601, lease: 600).map(\.id) == [claimed[1].id])
            let counts = try await outbox.counts(partnership: fixture.partnership)
            #expect(counts[.sent] == 1 && counts[.sending] == 1)
        }
    }
}
