import ConcordCore
import ConcordStore
import Foundation

/// An agency and its people, one at each level it has.
struct DemoAgency: Sendable {
    var ref: AgencyRef
    var type: AgencyType
    var people: [RoleLevel: PersonRef] = [:]
}

/// A seeded partnership: its policy and who works where.
struct DemoPartnership: Sendable {
    var id: UUID
    var slug: String
    var policy: Policy
    var locality: DemoNames.Locality
    /// One of every type; the `other` one is the partnership's own, for its business office,
    /// statutory partners and scrutineer.
    var agencies: [AgencyType: DemoAgency]
    /// The people policies call on in a particular capacity, whichever agencies disagree.
    var specialists: [Capacity: PersonRef]

    func agency(_ type: AgencyType) -> DemoAgency {
        agencies[type]!
    }

    func cast(raising: AgencyType, receiving: AgencyType) -> Cast {
        Cast(
            raising: agency(raising), receiving: agency(receiving), partnership: agency(.other),
            specialists: specialists)
    }
}

/// Partnerships with their built-in policies, an agency of every type in each, and people at
/// every level, each agency's managed in one chain from practitioner to director.
enum DemoDirectory {
    /// Top down, because each person is added naming their line manager.
    static let chain: [RoleLevel] = [
        .director, .assistantDirector, .headOfService, .seniorManager, .lineManager, .practitioner,
    ]
    static let partnershipLevels: [RoleLevel] = [
        .partnershipBusinessOffice, .statutoryPartners, .independentScrutineer,
    ]

    static func seed(
        _ database: ConcordDatabase, names: inout PersonNames, installedAt: Date
    ) async throws
        -> [DemoPartnership]
    {
        let directory = Directory(database)
        var partnerships: [DemoPartnership] = []
        for slug in PolicyLibrary.builtInIDs {
            guard let yaml = PolicyLibrary.text(of: slug) else {
                throw DemoDataError(description: "the built-in policy \(slug) is missing")
            }
            let policy = try PolicyReader.read(yaml, file: "\(slug).yaml")
            let id = try await directory.addPartnership(slug: slug, name: policy.partnership, region: policy.region)
            try await directory.installPolicy(yaml, file: "\(slug).yaml", partnership: id, at: installedAt)
            let locality = DemoNames.locality(slug)
            var agencies: [AgencyType: DemoAgency] = [:]
            for type in AgencyType.allCases {
                let ref = try await directory.addAgency(
                    name: DemoNames.agency(type, in: locality), type: type, partnerships: [id])
                var agency = DemoAgency(ref: ref, type: type)
                var manager: PersonRef?
                for level in type == .other ? partnershipLevels : chain {
                    let person = try await directory.addPerson(
                        name: names.take(), email: DemoNames.email(level, type, partnership: slug), agency: ref,
                        level: level, lineManager: manager,
                        designatedLead: level == .lineManager && type != .other)
                    agency.people[level] = person
                    if type != .other { manager = person }
                }
                agencies[type] = agency
            }
            var partnership = DemoPartnership(
                id: id, slug: slug, policy: policy, locality: locality, agencies: agencies, specialists: [:])
            partnership.specialists = try await specialists(partnership, directory, names: &names)
            partnerships.append(partnership)
        }
        return partnerships
    }

    /// The IRO, the Early Help professional and health's named and designated professionals.
    /// Designated safeguarding leads are each agency's line managers (`Cast`).
    private static func specialists(
        _ partnership: DemoPartnership, _ directory: Directory, names: inout PersonNames
    ) async throws
        -> [Capacity: PersonRef]
    {
        let csc = partnership.agency(.childrensSocialCare)
        let health = partnership.agency(.health)
        func add(
            _ local: String, _ agency: DemoAgency, _ level: RoleLevel, reportingTo manager: RoleLevel,
            _ name: String
        ) async throws -> PersonRef {
            try await directory.addPerson(
                name: name, email: DemoNames.email(local, partnership: partnership.slug), agency: agency.ref,
                level: level, lineManager: agency.people[manager])
        }
        let specialists: [Capacity: PersonRef] = [
            .independentReviewingOfficer: try await add(
                "iro.csc", csc, .lineManager, reportingTo: .seniorManager, names.take()),
            .namedProfessional: try await add(
                "named-professional.health", health, .lineManager, reportingTo: .seniorManager, names.take()),
            .designatedProfessional: try await add(
                "designated-professional.health", health, .seniorManager, reportingTo: .headOfService, names.take()),
            .earlyHelpProfessional: partnership.agency(.earlyHelp).people[.practitioner]!,
        ]
        for capacity in [Capacity.independentReviewingOfficer, .earlyHelpProfessional] {
            guard let id = specialists[capacity].flatMap({ UUID(uuidString: $0.id) }) else { continue }
            try await directory.setCapacity(capacity, person: id, holds: true)
        }
        return specialists
    }
}
