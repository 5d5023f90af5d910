import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Sign-in accounts: one per e-mail address in any case, roles that must name a person or a
/// partnership, passwords, and disabling.
@Suite struct AccountsTests {
    @Test(arguments: Backend.allCases) func accountsAreFoundByTheirLowerCaseEmail(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let accounts = Accounts(database)
            let person = try #require(UUID(uuidString: fixture.practitioner.id))
            let created = try await accounts.create(
                email: "  Pat.Worker@CSC.Example\n", name: "Pat Worker", role: .practitioner, passwordHash: "hash-1",
                person: person, at: .london("2026-12-01"))
            #expect(created.email == "pat.worker@csc.example")
            #expect(created.name == "Pat Worker")
            #expect(created.role == .practitioner)
            #expect(created.personID == person)
            #expect(created.partnershipID == nil)
            #expect(!created.disabled)
            #expect(created.passwordHash == "hash-1")
            let stored = try await RawSQL.string(database, "SELECT email FROM accounts", column: "email")
            #expect(stored == "pat.worker@csc.example")
            #expect(try await accounts.find(email: "PAT.WORKER@csc.example ") == created)
            #expect(try await accounts.find(id: created.id) == created)
            #expect(try await accounts.find(email: "pat@csc.example") == nil)
            #expect(try await accounts.find(id: UUID()) == nil)
            #expect(try await accounts.forPerson(person) == [created])
            let admin = try await accounts.create(
                email: "Admin@Concord.Example", name: "Ada Admin", role: .administrator, passwordHash: "hash-2")
            #expect(try await accounts.all().map(\.email) == ["admin@concord.example", "pat.worker@csc.example"])
            #expect(try await accounts.forPerson(person) == [created], "the administrator acts as no person")
            #expect(admin.personID == nil)
        }
    }

    @Test(arguments: Backend.allCases) func aSecondAccountForOneEmailInAnyCaseIsRefused(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let accounts = Accounts(database)
            let first = try await accounts.create(
                email: "ann@agency.example", name: "Ann", role: .administrator, passwordHash: "h")
            await #expect(throws: AccountError.emailTaken("ann@agency.example")) {
                try await accounts.create(
                    email: " ANN@Agency.example ", name: "Another Ann", role: .administrator, passwordHash: "h2")
            }
            #expect(try await accounts.all() == [first])
        }
    }

    @Test(arguments: Backend.allCases) func addressesWithoutBothSidesOfAnAtAreRefused(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let accounts = Accounts(database)
            let refused: [(given: String, normalised: String)] = [
                ("not-an-email", "not-an-email"), ("@agency.example", "@agency.example"), ("Ann@", "ann@"),
                ("   ", ""), ("ann@agency.example\r\nbcc: x@y.example", "ann@agency.example\r\nbcc: x@y.example"),
                ("ann;x@agency.example", "ann;x@agency.example"),
            ]
            for address in refused {
                await #expect(throws: AccountError.invalidEmail(address.normalised)) {
                    try await accounts.create(
                        email: address.given, name: "Ann", role: .administrator, passwordHash: "h")
                }
            }
            let created = try await accounts.all()
            #expect(created == [])
        }
    }

    @Test(arguments: Backend.allCases) func rolesMustNameWhatTheyNeed(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let accounts = Accounts(database)
            for role in [AccountRole.practitioner, .manager, .seniorManager] {
                await #expect(throws: AccountError.personRequired(role)) {
                    try await accounts.create(
                        email: "\(role.rawValue)@x.example", name: "N", role: role, passwordHash: "h",
                        partnership: fixture.partnership)
                }
            }
            for role in [AccountRole.businessOffice, .scrutineer, .auditor] {
                await #expect(throws: AccountError.partnershipRequired(role)) {
                    try await accounts.create(
                        email: "\(role.rawValue)@x.example", name: "N", role: role, passwordHash: "h")
                }
            }
            #expect(try await accounts.all() == [])
        }
    }

    @Test(arguments: Backend.allCases) func onlyPartnershipWideRolesKeepAPartnership(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let accounts = Accounts(database)
            let person = try #require(UUID(uuidString: fixture.manager.id))
            for role in AccountRole.allCases {
                let created = try await accounts.create(
                    email: "\(role.rawValue)@x.example", name: role.displayName, role: role, passwordHash: "h",
                    person: person, partnership: fixture.partnership)
                let expected = role.isPartnershipWide ? fixture.partnership : nil
                #expect(created.partnershipID == expected, "\(role)")
                #expect(try await accounts.find(id: created.id)?.partnershipID == expected, "\(role)")
            }
            #expect(try await accounts.all().count == AccountRole.allCases.count)
        }
    }

    @Test(arguments: Backend.allCases) func settingAPasswordReplacesOnlyItsHash(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let accounts = Accounts(database)
            let ann = try await accounts.create(
                email: "ann@x.example", name: "Ann", role: .administrator, passwordHash: "old")
            let bob = try await accounts.create(
                email: "bob@x.example", name: "Bob", role: .administrator, passwordHash: "old")
            try await accounts.setPassword(ann.id, hash: "new")
            var expected = ann
            expected.passwordHash = "new"
            #expect(try await accounts.find(id: ann.id) == expected)
            #expect(try await accounts.find(id: bob.id) == bob)
            let missing = UUID()
            await #expect(throws: StoreError.notFound("account \(missing)")) {
                try await accounts.setPassword(missing, hash: "x")
            }
        }
    }

    @Test(arguments: Backend.allCases) func disablingAnAccountEndsItsSessionsOnly(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let accounts = Accounts(database)
            let sessions = WebSessions(database, idleTimeout: 3600, absoluteTimeout: 8 * 3600)
            let ann = try await accounts.create(
                email: "ann@x.example", name: "Ann", role: .administrator, passwordHash: "h")
            let bob = try await accounts.create(
                email: "bob@x.example", name: "Bob", role: .administrator, passwordHash: "h")
            let now = Date.london("2026-12-01")
            let annTokens = [
                try await sessions.start(account: ann.id, at: now).token,
                try await sessions.start(account: ann.id, at: now).token,
            ]
            let bobToken = try await sessions.start(account: bob.id, at: now).token
            let other = try await sessions.start(account: UUID(), at: now).token
            try await accounts.setDisabled(ann.id, true)
            #expect(try await accounts.find(id: ann.id)?.disabled == true)
            #expect(try await accounts.find(id: bob.id)?.disabled == false)
            for token in annTokens { #expect(try await sessions.resume(token: token, at: now) == nil) }
            #expect(try await sessions.resume(token: bobToken, at: now)?.accountID == bob.id)
            #expect(try await sessions.resume(token: other, at: now) != nil)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM web_sessions") == 2)

            try await accounts.setDisabled(ann.id, false)
            #expect(try await accounts.find(id: ann.id) == ann)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM web_sessions") == 2)
            let missing = UUID()
            await #expect(throws: StoreError.notFound("account \(missing)")) {
                try await accounts.setDisabled(missing, true)
            }
        }
    }
}
