import ConcordCore
import ConcordStore
import Foundation

/// A partnership's people as volume data casts them: each agency with one person at each level
/// it has, the partnership's own agency, and the specialists the directory records.
struct VolumeCast {
    var partnership: Directory.Partnership
    var policy: Policy
    var agencies: [DemoAgency]
    var own: DemoAgency
    var specialists: [Capacity: PersonRef]
    /// Each agency's practitioners, in `agencies`' order, the same order in every database.
    var practitioners: [[PersonRef]]

    static func load(
        _ database: ConcordDatabase, slug: String, practitioners: Int, today: LocalDate
    ) async throws -> VolumeCast {
        let directory = Directory(database)
        guard let partnership = try await directory.partnership(slug: slug) else {
            throw DemoDataError(description: "there is no partnership \(slug)")
        }
        guard
            let (policy, _) = try await directory.currentPolicy(partnership: partnership.id, procedure: nil, on: today)
        else { throw DemoDataError(description: "\(slug) has no policy in force") }
        let members = try await directory.agencies().filter { $0.partnerships.contains(partnership.id) }
        let people = try await directory.people()
        var agencies: [DemoAgency] = []
        var own: DemoAgency?
        var specialists: [Capacity: PersonRef] = [:]
        for agency in members {
            var cast = DemoAgency(ref: agency.ref, type: agency.type)
            for person in people where person.agency.id == agency.ref.id {
                if cast.people[person.level] == nil { cast.people[person.level] = person.ref }
                for capacity in person.capacities where specialists[capacity] == nil {
                    specialists[capacity] = person.ref
                }
            }
            if agency.type == .other { own = cast } else { agencies.append(cast) }
        }
        // Health's managers stand in for the named and designated professionals the directory does not record.
        if let health = agencies.first(where: { $0.type == .health }) {
            specialists[.namedProfessional] = specialists[.namedProfessional] ?? health.people[.lineManager]
            specialists[.designatedProfessional] =
                specialists[.designatedProfessional] ?? health.people[.seniorManager]
        }
        let needed = Set(policy.stages.indices.map(policy.agencyLevel)).union([policy.raiserLevel])
        let complete = agencies.filter { agency in needed.allSatisfy { agency.people[$0] != nil } }
        guard complete.count >= 2, let own else {
            let levels = needed.sorted().map(\.rawValue).joined(separator: ", ")
            throw DemoDataError(
                description:
                    "\(slug) needs two agencies with someone at each of these levels (\(levels)) and a partnership agency of type other; run `concord demo` first or add them"
            )
        }
        let sorted = complete.sorted { $0.ref.name < $1.ref.name }
        var pools: [[PersonRef]] = []
        for (index, agency) in sorted.enumerated() {
            pools.append(
                try await practitionerPool(
                    of: agency, number: index, count: practitioners, people: people, slug: slug, directory))
        }
        return VolumeCast(
            partnership: partnership, policy: policy, agencies: sorted, own: own, specialists: specialists,
            practitioners: pools)
    }

    /// The agency's practitioners, adding as many as it lacks (reporting to its line manager), so
    /// that seeding again with another seed casts the same people.
    private static func practitionerPool(
        of agency: DemoAgency, number: Int, count: Int, people: [Directory.Person], slug: String,
        _ directory: Directory
    ) async throws -> [PersonRef] {
        var pool = people.filter { $0.agency.id == agency.ref.id && $0.level == .practitioner }
            .map { (key: $0.email ?? $0.name, ref: $0.ref) }
        for index in pool.count..<max(pool.count, count) {
            // Two agencies may be of one type: the number tells them apart.
            let email = DemoNames.email("practitioner-\(index).\(agency.type.key)-\(number + 1)", partnership: slug)
            let ref = try await directory.addPerson(
                name: VolumeNames.practitioner(index, agency: number), email: email, agency: agency.ref,
                level: .practitioner, lineManager: agency.people[.lineManager])
            pool.append((email, ref))
        }
        return pool.sorted { $0.key < $1.key }.prefix(count).map(\.ref)
    }

    /// The agencies' practitioners stand in for the one the directory's walk would name.
    func cast(raising: Int, receiving: Int, raiser: Int, professional: Int) -> Cast {
        var raisingAgency = agencies[raising]
        var receivingAgency = agencies[receiving]
        raisingAgency.people[.practitioner] = practitioners[raising][raiser]
        receivingAgency.people[.practitioner] = practitioners[receiving][professional]
        return Cast(raising: raisingAgency, receiving: receivingAgency, partnership: own, specialists: specialists)
    }
}
