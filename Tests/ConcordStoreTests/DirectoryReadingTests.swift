import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Reading the directory back: partnerships, agencies with their memberships, people, closure
/// days, policy versions and each partnership's working calendar.
@Suite struct DirectoryReadingTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    @Test(arguments: Backend.allCases) func partnershipsAreFoundByIdAndSlug(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(
                database, closureDays: [Self.day("2026-12-29"), Self.day("2026-12-24")])
            let other = try await Fixture.make(database, policy: "sunderland")
            let directory = Directory(database)
            let found = try #require(try await directory.partnership(id: fixture.partnership))
            #expect(found.id == fixture.partnership)
            #expect(found.slug == "oldham")
            #expect(found.name == fixture.policy.partnership)
            #expect(found.region == fixture.policy.region)
            #expect(found.closureDays == [Self.day("2026-12-24"), Self.day("2026-12-29")])
            #expect(try await directory.partnership(slug: "oldham") == found)
            let sunderland = try #require(try await directory.partnership(slug: "sunderland"))
            #expect(sunderland.id == other.partnership)
            #expect(sunderland.closureDays == [])
            #expect(try await directory.partnership(id: UUID()) == nil)
            #expect(try await directory.partnership(slug: "nowhere") == nil)
        }
    }

    @Test(arguments: Backend.allCases) func agenciesComeWithTheirPartnerships(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let other = try await Fixture.make(database, policy: "sunderland")
            let directory = Directory(database)
            let police = try await directory.addAgency(
                name: "Area Police", type: .police, partnerships: [fixture.partnership, other.partnership])
            let unattached = try await directory.addAgency(
                name: "Zed Charity", type: .voluntarySector, partnerships: [])
            let agencies = try await directory.agencies()
            #expect(
                agencies.map(\.name) == [
                    "Area Police", "Children's Social Care", "Children's Social Care", "Community Health",
                    "Community Health", "Zed Charity",
                ])
            let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id.uuidString, $0) })
            #expect(Set(byID[police.id]?.partnerships ?? []) == [fixture.partnership, other.partnership])
            #expect(byID[police.id]?.type == .police)
            #expect(byID[police.id]?.ref == police)
            #expect(byID[unattached.id]?.partnerships == [])
            #expect(byID[unattached.id]?.type == .voluntarySector)
            #expect(byID[fixture.socialCare.id]?.partnerships == [fixture.partnership])
            #expect(byID[fixture.socialCare.id]?.type == .childrensSocialCare)
            #expect(byID[other.health.id]?.partnerships == [other.partnership])
            #expect(byID[other.health.id]?.type == .health)
        }
    }

    @Test(arguments: Backend.allCases) func peopleAreReadWithAgencyLevelAndManager(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let directory = Directory(database)
            let anonymous = try await directory.addPerson(
                name: "Aaron Nomail", email: nil, agency: fixture.health, level: .director, lineManager: nil)
            let people = try await directory.people()
            #expect(
                people.map(\.name) == [
                    "Aaron Nomail", "Bea Office", "Hana Visitor", "Ira Reviewer", "Ola Manager", "Pat Worker",
                    "Sam Manager",
                ])
            let pat = try #require(people.first { $0.name == "Pat Worker" })
            #expect(pat.ref == fixture.practitioner)
            #expect(pat.email == "pat@csc.example")
            #expect(pat.agency == fixture.socialCare)
            #expect(pat.level == .practitioner)
            #expect(pat.lineManagerID == UUID(uuidString: fixture.manager.id))
            let aaron = try #require(people.first { $0.name == "Aaron Nomail" })
            #expect(aaron.ref == anonymous)
            #expect(aaron.email == nil && aaron.lineManagerID == nil && aaron.level == .director)
            #expect(try await directory.person(id: pat.id) == pat)
            #expect(try await directory.person(id: aaron.id) == aaron)
            for person in people { #expect(try await directory.person(id: person.id) == person, "\(person.name)") }
            #expect(try await directory.person(id: UUID()) == nil)
        }
    }

    /// Addresses go into mail headers and calendar invitations; one that could start a line of
    /// its own is refused by the store too, whatever form it came through.
    @Test(arguments: Backend.allCases) func aPersonsAddressMustBeAPlainAddress(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let directory = Directory(database)
            let before = try await directory.people().count
            for address in ["ann@agency.example\r\nATTENDEE:mailto:x@y.example", "ann@agency.example\n", "ann"] {
                await #expect(throws: EmailAddressError.self) {
                    try await directory.addPerson(
                        name: "Ann", email: address, agency: fixture.health, level: .practitioner, lineManager: nil)
                }
            }
            #expect(try await directory.people().count == before)
        }
    }

    @Test(arguments: Backend.allCases) func closureDaysAreAddedOnceAndRemoved(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, closureDays: [Self.day("2026-12-29")])
            let other = try await Fixture.make(database, policy: "sunderland", closureDays: [Self.day("2026-12-29")])
            let directory = Directory(database)
            func days(_ partnership: UUID) async throws -> [LocalDate] {
                try await directory.partnership(id: partnership)?.closureDays ?? []
            }
            try await directory.setClosureDay(Self.day("2026-12-30"), partnership: fixture.partnership, closed: true)
            try await directory.setClosureDay(Self.day("2026-12-30"), partnership: fixture.partnership, closed: true)
            #expect(try await days(fixture.partnership) == [Self.day("2026-12-29"), Self.day("2026-12-30")])
            try await directory.setClosureDay(Self.day("2026-12-29"), partnership: fixture.partnership, closed: false)
            #expect(try await days(fixture.partnership) == [Self.day("2026-12-30")])
            #expect(try await days(other.partnership) == [Self.day("2026-12-29")], "another partnership keeps its day")
            try await directory.setClosureDay(Self.day("2026-12-31"), partnership: fixture.partnership, closed: false)
            #expect(try await days(fixture.partnership) == [Self.day("2026-12-30")])
        }
    }

    @Test(arguments: Backend.allCases) func policyVersionsAreListedNewestFirst(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let other = try await Fixture.make(database, policy: "sunderland")
            let directory = Directory(database)
            let text = try #require(PolicyLibrary.text(of: "oldham"))
            let first = try #require(try await directory.policyVersions(partnership: fixture.partnership).first)
            #expect(first.yaml == text && first.policyID == "oldham" && first.sha256 == EventChain.sha256(text))
            let revised = text + "\n# Revised in 2030.\n"
            let newer = try await directory.installPolicy(
                revised, file: "oldham.yaml", partnership: fixture.partnership, at: .london("2030-01-02"))
            let older = try await directory.installPolicy(
                text + "\n# Draft from 2020.\n", file: "oldham.yaml", partnership: fixture.partnership,
                at: .london("2020-01-02"))
            let versions = try await directory.policyVersions(partnership: fixture.partnership)
            #expect(versions.map(\.sha256) == [newer, first.sha256, older])
            #expect(versions.first?.installedAt == .london("2030-01-02"))
            #expect(versions.last?.installedAt == .london("2020-01-02"))
            #expect(versions.first?.yaml == revised)
            #expect(
                try await directory.policyVersions(partnership: other.partnership).map(\.policyID) == ["sunderland"])
            #expect(try await directory.policyVersions(partnership: UUID()) == [])
        }
    }

    @Test(arguments: Backend.allCases) func theCalendarHonoursClosureDays(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database, closureDays: [Self.day("2026-12-29")])
            let directory = Directory(database)
            try await directory.setClosureDay(Self.day("2026-12-30"), partnership: fixture.partnership, closed: true)
            let partnership = try #require(try await directory.partnership(id: fixture.partnership))
            let calendar = directory.calendar(partnership: partnership, holidays: .standard)
            #expect(calendar.region == fixture.policy.region)
            #expect(Set(calendar.closureDays) == [Self.day("2026-12-29"), Self.day("2026-12-30")])
            #expect(try calendar.isWorkingDay(Self.day("2026-12-24")))
            for closed in ["2026-12-25", "2026-12-26", "2026-12-28", "2026-12-29", "2026-12-30"] {
                #expect(try !calendar.isWorkingDay(Self.day(closed)), "\(closed)")
            }
            #expect(try calendar.isWorkingDay(Self.day("2026-12-31")))
            #expect(try calendar.adding(workingDays: 1, to: Self.day("2026-12-24")) == Self.day("2026-12-31"))
            let plain = WorkingCalendar(region: fixture.policy.region, holidays: .standard)
            #expect(try plain.isWorkingDay(Self.day("2026-12-29")))
        }
    }
}
