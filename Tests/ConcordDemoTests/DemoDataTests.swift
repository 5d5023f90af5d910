import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing

/// Seeding takes seconds, so one seeded database serves every check of the directory and the
/// sign-ins; each check is its own function.
@Suite struct DemoDataTests {
    @Test func seedsAnEmptyDatabaseOnceWithPeopleAndSignIns() async throws {
        try await withDatabase { database in
            #expect(try await !DemoData.isSeeded(database))
            let hasher = CountingHash()
            let signIns = try await DemoData.seed(database, hash: { hasher.hash($0) }, now: demoNow)
            #expect(hasher.count == 1)
            #expect(try await DemoData.isSeeded(database))
            await #expect(throws: (any Error).self) {
                _ = try await DemoData.seed(database, hash: { hasher.hash($0) }, now: demoNow)
            }
            try await Self.theFivePartnershipsRunTheirBuiltInPolicies(database)
            try await Self.everyAgencysPractitionerIsManagedUpToADirector(database)
            try await Self.signInsCoverEveryRoleInEveryPartnership(database, signIns)
            try await Self.everyDemoAccountSeesDisputes(database, signIns)
            try await Self.everyLevelAPolicyNamesHasASignIn(database, signIns)
        }
    }

    /// "Give the demo an account for every level a policy names": on both agencies' sides for
    /// agency levels, so nobody records a stage for the people it names.
    static func everyLevelAPolicyNamesHasASignIn(
        _ database: ConcordDatabase, _ signIns: [DemoData.SignIn]
    ) async throws {
        let accounts = Accounts(database)
        let directory = Directory(database)
        let people = Dictionary(uniqueKeysWithValues: try await directory.people().map { ($0.id, $0) })
        for partnership in try await directory.partnerships() {
            let policy = try #require(try await directory.currentPolicy(partnership: partnership.id)).policy
            var signedIn: Set<String> = []
            for signIn in signIns where signIn.partnership == partnership.slug {
                let account = try #require(try await accounts.find(email: signIn.email))
                guard let person = account.personID.flatMap({ people[$0] }) else { continue }
                signedIn.insert("\(person.level.rawValue) \(person.agency.name)")
                if person.level >= .partnershipBusinessOffice { signedIn.insert(person.level.rawValue) }
            }
            let agencies = try await directory.agencies().filter {
                $0.partnerships == [partnership.id] && [.childrensSocialCare, .health].contains($0.type)
            }
            for level in Set(policy.stages.flatMap(\.participants).map(\.level)) {
                if level >= .partnershipBusinessOffice {
                    #expect(signedIn.contains(level.rawValue), "\(partnership.slug): no \(level.rawValue) sign-in")
                } else {
                    for agency in agencies {
                        #expect(
                            signedIn.contains("\(level.rawValue) \(agency.name)"),
                            "\(partnership.slug): no \(level.rawValue) sign-in at \(agency.name)")
                    }
                }
            }
        }
    }

    static func theFivePartnershipsRunTheirBuiltInPolicies(_ database: ConcordDatabase) async throws {
        let directory = Directory(database)
        let partnerships = try await directory.partnerships()
        #expect(Set(partnerships.map(\.slug)) == Set(PolicyLibrary.builtInIDs))
        for partnership in partnerships {
            let current = try #require(try await directory.currentPolicy(partnership: partnership.id))
            #expect(current.policy.id == partnership.slug)
            #expect(partnership.name == current.policy.partnership)
            #expect(partnership.region == current.policy.region)
        }
        let agencies = try await directory.agencies()
        #expect(agencies.allSatisfy { $0.partnerships.count == 1 })
        for partnership in partnerships {
            let types = agencies.filter { $0.partnerships == [partnership.id] }.map(\.type)
            #expect(Set(types) == Set(AgencyType.allCases), "\(partnership.slug)")
        }
        let people = try await directory.people()
        #expect(Set(people.map(\.level)) == Set(RoleLevel.allCases))
        #expect(Set(people.map(\.name)).count == people.count, "every demo person has a distinct name")
        #expect(Set(people.compactMap(\.email)).count == people.count, "every demo person has their own address")
    }

    static func everyAgencysPractitionerIsManagedUpToADirector(_ database: ConcordDatabase) async throws {
        let directory = Directory(database)
        let people = try await directory.people()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        for agency in try await directory.agencies() where agency.type != .other {
            let practitioner = try #require(people.first { $0.agency.id == agency.ref.id && $0.level == .practitioner })
            var chain = [practitioner.level]
            var current = practitioner
            while let manager = current.lineManagerID.flatMap({ byID[$0] }) {
                #expect(manager.agency == practitioner.agency)
                chain.append(manager.level)
                current = manager
            }
            #expect(
                chain == [.practitioner, .lineManager, .seniorManager, .headOfService, .assistantDirector, .director],
                "\(agency.name)")
        }
    }

    static func signInsCoverEveryRoleInEveryPartnership(
        _ database: ConcordDatabase, _ signIns: [DemoData.SignIn]
    ) async throws {
        let accounts = Accounts(database)
        #expect(try await accounts.all().count == signIns.count)
        #expect(Set(signIns.map(\.role)) == Set(AccountRole.allCases))
        #expect(Set(signIns.map(\.email)).count == signIns.count)
        let admin = try #require(try await accounts.find(email: "admin@concord.example"))
        #expect(admin.role == .administrator && admin.personID == nil && admin.partnershipID == nil)
        #expect(signIns.filter { $0.role == .administrator }.count == 1)
        let oldham = Set(signIns.filter { $0.partnership == "oldham" }.map(\.email))
        #expect(oldham.isSuperset(of: ["practitioner.csc@oldham.concord.example", "auditor@oldham.concord.example"]))
        let people = Dictionary(uniqueKeysWithValues: try await Directory(database).people().map { ($0.id, $0) })
        for slug in PolicyLibrary.builtInIDs {
            let own = signIns.filter { $0.partnership == slug }
            let required: [AccountRole] = [.manager, .seniorManager, .businessOffice, .scrutineer, .auditor]
            #expect(Set(own.map(\.role)).isSuperset(of: required), "\(slug)")
            var practitionerAgencies: Set<String> = []
            for signIn in own where signIn.role == .practitioner {
                let account = try #require(try await accounts.find(email: signIn.email))
                let person = try #require(account.personID.flatMap { people[$0] })
                practitionerAgencies.insert(person.agency.id)
            }
            #expect(practitionerAgencies.count == 2, "\(slug)")
        }
        for signIn in signIns {
            let account = try #require(try await accounts.find(email: signIn.email))
            #expect(account.role == signIn.role && account.name == signIn.name)
            #expect(account.passwordHash == "hashed:\(DemoData.password)")
            #expect(signIn.email.hasSuffix("concord.example") && !signIn.description.isEmpty)
        }
    }

    /// Each account has disputes to look at, except where its role takes no part in them: the
    /// administrator, and the front line of a partnership whose disputes are strategic.
    static func everyDemoAccountSeesDisputes(_ database: ConcordDatabase, _ signIns: [DemoData.SignIn]) async throws {
        let accounts = Accounts(database)
        for signIn in signIns {
            let account = try #require(try await accounts.find(email: signIn.email))
            let visible = try await DisputeAccess.visible(database, account: account)
            let strategicFrontline =
                signIn.partnership == "north-east-lincolnshire" && [.practitioner, .manager].contains(signIn.role)
            if signIn.role == .administrator || strategicFrontline {
                #expect(visible.isEmpty, "\(signIn.email)")
            } else {
                #expect(!visible.isEmpty, "\(signIn.email) sees no dispute")
            }
        }
    }
}
