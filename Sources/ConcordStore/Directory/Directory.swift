import ConcordCore
import FluentKit
import Foundation

/// Partnerships, agencies, people and policy versions: the reference data disputes name.
public struct Directory: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    public struct Partnership: Hashable, Sendable {
        public var id: UUID
        public var slug: String
        public var name: String
        public var region: Region
        public var closureDays: [LocalDate]
    }

    @discardableResult
    public func addPartnership(
        slug: String, name: String, region: Region, closureDays: [LocalDate] = []
    )
        async throws -> UUID
    {
        let db = database.database
        return try await db.transaction { tx in
            let model = PartnershipModel(slug: slug, name: name, region: region.rawValue)
            try await model.create(on: tx)
            let id = try model.requireID()
            try await Set(closureDays).map { ClosureDayModel(partnershipID: id, day: $0.iso) }.create(on: tx)
            try await DirectoryVersion.bump(tx)
            return id
        }
    }

    /// The directory as it stands: one read of its version, and the whole of it only when
    /// that has changed since this process last read it. A page reads it once and asks it.
    public func snapshot() async throws -> DirectorySnapshot {
        try await database.directoryCache.snapshot(database.database)
    }

    /// Every partnership with its closure days, by slug.
    public func partnerships() async throws -> [Partnership] {
        try await snapshot().partnerships
    }

    @discardableResult
    public func addAgency(name: String, type: AgencyType, partnerships: [UUID]) async throws -> AgencyRef {
        try await database.database.transaction { tx in
            let model = AgencyModel(name: name, type: type.rawValue)
            try await model.create(on: tx)
            let id = try model.requireID()
            try await partnerships.map { PartnershipAgencyModel(partnershipID: $0, agencyID: id) }.create(on: tx)
            try await DirectoryVersion.bump(tx)
            return AgencyRef(id: id.uuidString, name: name)
        }
    }

    @discardableResult
    public func addPerson(
        name: String, email: String?, agency: AgencyRef, level: RoleLevel, lineManager: PersonRef?,
        designatedLead: Bool = false
    )
        async throws -> PersonRef
    {
        guard let agencyID = UUID(uuidString: agency.id) else { throw StoreError.notFound("agency \(agency.id)") }
        if let email, let error = EmailAddressError(email) { throw error }
        let model = PersonModel(
            name: name, email: email, agencyID: agencyID, level: level.rawValue,
            lineManagerID: lineManager.flatMap { UUID(uuidString: $0.id) }, designatedLead: designatedLead)
        return try await database.database.transaction { tx in
            try await model.create(on: tx)
            let id = try model.requireID().uuidString
            try await LineManagement.add(person: id, manager: model.lineManagerID?.uuidString, tx)
            try await DirectoryVersion.bump(tx)
            return PersonRef(id: id, name: name, agency: agency, level: level)
        }
    }

    /// Installs a policy version for a partnership, checking it strictly first; installing the
    /// same text again returns the existing version.
    @discardableResult
    public func installPolicy(
        _ yaml: String, file: String, partnership: UUID, at now: Date = Date(), sources: [SourceText] = []
    ) async throws
        -> String
    {
        let policy = try PolicyReader.read(yaml, file: file, sources: sources)
        guard let owner = try await PartnershipModel.find(partnership, on: database.database) else {
            throw StoreError.notFound("partnership \(partnership)")
        }
        guard owner.region == policy.region.rawValue else {
            throw StoreError.regionMismatch(policy: policy.region.rawValue, partnership: owner.region)
        }
        let sha256 = EventChain.sha256(yaml)
        let existing = try await PolicyVersionModel.query(on: database.database)
            .filter(\.$partnershipID == partnership).filter(\.$sha256 == sha256).first()
        if existing == nil {
            try await database.database.transaction { tx in
                try await PolicyVersionModel(
                    partnershipID: partnership, policyID: policy.id, sha256: sha256, yaml: yaml,
                    createdAt: EventChain.timestamp(now)
                ).create(on: tx)
                try await DirectoryVersion.bump(tx)
            }
        }
        return sha256
    }

    /// The partnership's newest policy version, which new disputes are raised under.
    /// The procedure a new dispute follows: the one named, or the one most recently installed.
    /// Each procedure's current version is its newest that has taken effect by `day` (today when
    /// not given), so a version installed ahead of its `effective_from` waits.
    public func currentPolicy(
        partnership: UUID, procedure: String? = nil, on day: LocalDate? = nil
    ) async throws -> (policy: Policy, version: String)? {
        let current = try await currentPolicies(partnership: partnership, on: day)
        guard let procedure else { return current.first }
        return current.first { $0.policy.id == procedure }
    }

    /// Every procedure the partnership runs now, one version of each, the most recently
    /// installed (or made current again) first.
    public func currentPolicies(
        partnership: UUID, on day: LocalDate? = nil, in snapshot: DirectorySnapshot? = nil
    ) async throws -> [(policy: Policy, version: String)] {
        let today = day ?? LondonTime.date(of: Date())
        // Every list page asks this, of each partnership: a version's text is read only when its
        // parsed policy is not cached yet.
        let read: DirectorySnapshot
        if let snapshot { read = snapshot } else { read = try await self.snapshot() }
        let installed = read.installed[partnership] ?? []
        var seen: Set<String> = []
        var current: [(policy: Policy, version: String)] = []
        for model in installed where !seen.contains(model.policyID) {
            var policy = PolicyCache.shared.cached(model.sha256)
            if policy == nil, let full = try await PolicyVersionModel.find(model.id, on: database.database) {
                policy = try PolicyCache.shared.policy(
                    sha256: full.sha256, yaml: { full.yaml }, file: "\(full.policyID)@\(full.sha256.prefix(12))")
            }
            guard let policy else { continue }
            if let from = policy.effectiveFrom, from > today { continue }
            seen.insert(model.policyID)
            current.append((policy, model.sha256))
        }
        return current
    }
}
