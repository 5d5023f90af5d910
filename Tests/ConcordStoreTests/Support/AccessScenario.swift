import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Need to know, set up: in one partnership, a practitioner → manager → senior manager chain in
/// each of two agencies, a peer and a stranger; accounts for them, for the partnership's business
/// office, scrutineer and auditor, for another partnership's office, for an administrator, and
/// two disabled ones; and three disputes.
struct AccessScenario {
    let fixture: Fixture
    /// Another partnership, with its own people and dispute.
    let other: Fixture
    let seniorCare: PersonRef
    let seniorHealth: PersonRef
    let stranger: PersonRef
    let accounts: [String: Account]
    /// Raised by the practitioner with the other agency's practitioner, on 1 December.
    let practice: DisputeStore.Loaded
    /// Raised by the two managers, on 2 December.
    let managers: DisputeStore.Loaded
    /// In the other partnership, on 3 December.
    let elsewhere: DisputeStore.Loaded

    var database: ConcordDatabase { fixture.database }

    subscript(_ name: String) -> Account { accounts[name]! }

    static func make(_ database: ConcordDatabase) async throws -> AccessScenario {
        let fixture = try await Fixture.make(database)
        let other = try await Fixture.make(database, policy: "sunderland")
        let directory = Directory(database)
        let seniorCare = try await directory.addPerson(
            name: "Cal Senior", email: "cal@csc.example", agency: fixture.socialCare, level: .seniorManager,
            lineManager: nil)
        let seniorHealth = try await directory.addPerson(
            name: "Hal Senior", email: "hal@health.example", agency: fixture.health, level: .seniorManager,
            lineManager: nil)
        try await directory.setLineManager(person: id(fixture.manager), manager: id(seniorCare))
        try await directory.setLineManager(person: id(fixture.otherManager), manager: id(seniorHealth))
        let stranger = try await directory.addPerson(
            name: "Sid Stranger", email: "sid@csc.example", agency: fixture.socialCare, level: .practitioner,
            lineManager: nil)

        let people: [(String, AccountRole, PersonRef)] = [
            ("practitioner", .practitioner, fixture.practitioner), ("peer", .practitioner, fixture.iro),
            ("manager", .manager, fixture.manager), ("senior", .seniorManager, seniorCare),
            ("otherPractitioner", .practitioner, fixture.otherPractitioner),
            ("otherManager", .manager, fixture.otherManager), ("otherSenior", .seniorManager, seniorHealth),
            ("stranger", .practitioner, stranger), ("disabled", .practitioner, fixture.practitioner),
        ]
        let wide: [(String, AccountRole, UUID?)] = [
            ("office", .businessOffice, fixture.partnership), ("scrutineer", .scrutineer, fixture.partnership),
            ("auditor", .auditor, fixture.partnership), ("otherOffice", .businessOffice, other.partnership),
            ("disabledOffice", .businessOffice, fixture.partnership), ("administrator", .administrator, nil),
        ]
        let store = Accounts(database)
        var accounts: [String: Account] = [:]
        for (name, role, person) in people {
            accounts[name] = try await store.create(
                email: "\(name)@accounts.example", name: name, role: role, passwordHash: "h", person: id(person))
        }
        for (name, role, partnership) in wide {
            accounts[name] = try await store.create(
                email: "\(name)@accounts.example", name: name, role: role, passwordHash: "h", partnership: partnership)
        }
        for name in ["disabled", "disabledOffice"] {
            try await store.setDisabled(accounts[name]!.id, true)
            accounts[name] = try await store.find(id: accounts[name]!.id)
        }

        var command = fixture.raiseCommand()
        command.raisedBy = fixture.practitioner
        command.professionals = [fixture.otherPractitioner]
        let practice = try await fixture.store.raise(
            command, partnership: fixture.partnership, at: .london("2026-12-01"))
        return AccessScenario(
            fixture: fixture, other: other, seniorCare: seniorCare, seniorHealth: seniorHealth, stranger: stranger,
            accounts: accounts, practice: practice, managers: try await fixture.raise(on: "2026-12-02"),
            elsewhere: try await other.raise(on: "2026-12-03"))
    }

    static func id(_ person: PersonRef) -> UUID { UUID(uuidString: person.id)! }

    func relation(_ account: String, _ dispute: DisputeStore.Loaded) async throws -> DisputeAccess.Relation? {
        try await DisputeAccess.relation(database, account: self[account], dispute: dispute.id)
    }

    /// The references of the disputes `account` may see, in the order listed.
    func visible(_ account: String) async throws -> [String] {
        try await DisputeAccess.visible(database, account: self[account]).map(\.reference)
    }
}
