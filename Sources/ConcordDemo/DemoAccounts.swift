import ConcordCore
import ConcordStore
import Foundation

/// Sign-ins for every role in every partnership, acting as people who take part in the demo
/// disputes, so each shows what that role sees.
enum DemoAccounts {
    private struct Entry {
        var signIn: DemoData.SignIn
        var person: UUID?
        var partnership: UUID?
    }

    static func seed(
        _ database: ConcordDatabase, partnerships: [DemoPartnership], names: inout PersonNames, passwordHash: String,
        at now: Date
    ) async throws -> [DemoData.SignIn] {
        var entries = [
            Entry(
                signIn: DemoData.SignIn(
                    email: "admin@concord.example", role: .administrator, name: "Demo Administrator", partnership: nil,
                    description: "Administrator: manages partnerships, people and accounts; sees no dispute"))
        ]
        for partnership in partnerships { entries += self.entries(partnership, auditor: names.take()) }
        let accounts = Accounts(database)
        for entry in entries {
            let signIn = entry.signIn
            try await accounts.create(
                email: signIn.email, name: signIn.name, role: signIn.role, passwordHash: passwordHash,
                person: entry.person, partnership: entry.partnership, at: now)
        }
        return entries.map(\.signIn)
    }

    /// Practitioners in children's social care and health, their line managers, the social
    /// care practitioner's senior manager, the partnership's business office, scrutineer and
    /// auditor, and someone at every other level the policy names, so each stage is recorded
    /// by the people it names.
    private static func entries(_ partnership: DemoPartnership, auditor: String) -> [Entry] {
        let csc = partnership.agency(.childrensSocialCare)
        let health = partnership.agency(.health)
        let office = partnership.agency(.other)
        let strategic = partnership.policy.scope == .strategic
        let place = partnership.locality.place
        func entry(
            _ agency: DemoAgency, _ level: RoleLevel, _ role: AccountRole, _ description: String
        ) -> Entry {
            let person = agency.people[level]!
            return Entry(
                signIn: DemoData.SignIn(
                    email: DemoNames.email(level, agency.type, partnership: partnership.slug), role: role,
                    name: person.name, partnership: partnership.slug, description: description),
                person: UUID(uuidString: person.id), partnership: partnership.id)
        }
        let frontline =
            strategic
            ? "; \(place)'s disputes are strategic, between agency leads, so this shows an empty list"
            : ""
        return [csc, health].map { agency in
            entry(
                agency, .practitioner, .practitioner,
                "Practitioner at \(agency.ref.name): raises disputes and answers those raised with them\(frontline)")
        } + [
            entry(
                csc, .lineManager, .manager,
                "Line manager and designated safeguarding lead at \(csc.ref.name): sees the team's disputes\(frontline)"
            ),
            entry(
                health, .lineManager, .manager,
                "Line manager at \(health.ref.name): sees the team's disputes\(frontline)"),
            entry(
                csc, .seniorManager, .seniorManager,
                "Senior manager at \(csc.ref.name): sees the disputes of everyone they manage"),
            entry(
                office, .partnershipBusinessOffice, .businessOffice,
                "\(place) partnership business office: sees and acts on every dispute in the partnership"),
            entry(
                office, .independentScrutineer, .scrutineer,
                "\(place) independent scrutineer: reads every dispute in the partnership"),
            Entry(
                signIn: DemoData.SignIn(
                    email: DemoNames.email("auditor", partnership: partnership.slug), role: .auditor, name: auditor,
                    partnership: partnership.slug,
                    description: "\(place) auditor: reads every dispute in the partnership and changes nothing"),
                person: nil, partnership: partnership.id),
        ] + seniorEntries(partnership, entry: entry)
    }

    /// Heads of service, assistant directors and directors on both sides, a health senior
    /// manager, and the statutory partners, where the policy names their level.
    private static func seniorEntries(
        _ partnership: DemoPartnership, entry: (DemoAgency, RoleLevel, AccountRole, String) -> Entry
    ) -> [Entry] {
        let named = Set(partnership.policy.stages.flatMap(\.participants).map(\.level))
        let csc = partnership.agency(.childrensSocialCare)
        let health = partnership.agency(.health)
        var entries: [Entry] = []
        for level in [RoleLevel.seniorManager, .headOfService, .assistantDirector, .director]
        where named.contains(level) {
            for agency in [csc, health] where !(agency.type == .childrensSocialCare && level == .seniorManager) {
                entries.append(
                    entry(
                        agency, level, .seniorManager,
                        "\(level.displayName) at \(agency.ref.name): records the stages that name them, and sees the disputes of everyone they manage"
                    ))
            }
        }
        if named.contains(.statutoryPartners) {
            entries.append(
                entry(
                    partnership.agency(.other), .statutoryPartners, .seniorManager,
                    "\(partnership.locality.place) statutory safeguarding partners: record the stages that name them"))
        }
        return entries
    }
}
