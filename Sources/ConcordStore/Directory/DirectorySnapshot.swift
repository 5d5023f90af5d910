import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// The directory as it stood at one `DirectoryVersion`: every page reads it, and only an
/// administrator's edit changes it, so each process keeps one copy and rereads it only when the
/// version moves. Read from plain rows: building Fluent models for it on every request cost a
/// tenth of a list page's time.
public struct DirectorySnapshot: Sendable {
    public let version: Int64
    /// By slug.
    public let partnerships: [Directory.Partnership]
    /// By name.
    public let agencies: [Directory.Agency]
    /// By name.
    public let people: [Directory.Person]
    /// Each partnership's versions, the most recently installed (or made current again) first.
    let installed: [UUID: [InstalledVersion]]
    private let partnershipIndex: [UUID: Int]
    private let personIndex: [UUID: Int]

    struct InstalledVersion: Sendable {
        var id: UUID
        var policyID: String
        var sha256: String
    }

    public func partnership(id: UUID) -> Directory.Partnership? {
        partnershipIndex[id].map { partnerships[$0] }
    }

    public func partnership(slug: String) -> Directory.Partnership? {
        partnerships.first { $0.slug == slug }
    }

    public func person(id: UUID) -> Directory.Person? {
        personIndex[id].map { people[$0] }
    }

    init(
        version: Int64, partnerships: [Directory.Partnership], agencies: [Directory.Agency],
        people: [Directory.Person], installed: [UUID: [InstalledVersion]]
    ) {
        self.version = version
        self.partnerships = partnerships
        self.agencies = agencies
        self.people = people
        self.installed = installed
        partnershipIndex = Dictionary(partnerships.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        personIndex = Dictionary(people.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

extension DirectorySnapshot {
    /// Reads everything at `version` or later; the version is read first, so a snapshot is never
    /// older than the number it carries, only sometimes newer (and then reread once more).
    static func load(_ db: any Database, version: Int64) async throws -> DirectorySnapshot {
        let sql = db as! any SQLDatabase
        var days: [UUID: [LocalDate]] = [:]
        for row in try await sql.raw("SELECT partnership_id, day FROM partnership_closure_days").all() {
            if let day = LocalDate(iso: try row.decode(column: "day", as: String.self)) {
                days[try row.decode(column: "partnership_id", as: UUID.self), default: []].append(day)
            }
        }
        let partnerships = try await sql.raw("SELECT id, slug, name, region FROM partnerships ORDER BY slug").all()
            .map { row in
                let id = try row.decode(column: "id", as: UUID.self)
                return Directory.Partnership(
                    id: id, slug: try row.decode(column: "slug", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    region: Region(rawValue: try row.decode(column: "region", as: String.self)) ?? .englandAndWales,
                    closureDays: (days[id] ?? []).sorted())
            }
        var memberships: [UUID: [UUID]] = [:]
        for row in try await sql.raw("SELECT partnership_id, agency_id FROM partnership_agencies").all() {
            memberships[try row.decode(column: "agency_id", as: UUID.self), default: []].append(
                try row.decode(column: "partnership_id", as: UUID.self))
        }
        let agencies = try await sql.raw("SELECT id, name, type FROM agencies ORDER BY name").all().compactMap {
            row -> Directory.Agency? in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let type = AgencyType(rawValue: try row.decode(column: "type", as: String.self)) else { return nil }
            return Directory.Agency(
                id: id, name: try row.decode(column: "name", as: String.self), type: type,
                partnerships: memberships[id] ?? [])
        }
        return DirectorySnapshot(
            version: version, partnerships: partnerships, agencies: agencies,
            people: try await people(sql, agencies: agencies), installed: try await installed(sql))
    }

    private static func people(_ sql: any SQLDatabase, agencies: [Directory.Agency]) async throws -> [Directory.Person]
    {
        let refs = Dictionary(agencies.map { ($0.id, $0.ref) }, uniquingKeysWith: { a, _ in a })
        let select: SQLQueryString = """
            SELECT id, name, email, agency_id, level, line_manager_id, designated_lead, \
            independent_reviewing_officer, early_help_professional FROM people ORDER BY name
            """
        return try await sql.raw(select).all().compactMap { row in
            guard let agency = refs[try row.decode(column: "agency_id", as: UUID.self)],
                let level = RoleLevel(rawValue: try row.decode(column: "level", as: String.self))
            else { return nil }
            let lead = try row.decode(column: "designated_lead", as: Bool.self)
            var capacities: Set<Capacity> = []
            if lead { capacities.insert(.designatedSafeguardingLead) }
            if try row.decode(column: "independent_reviewing_officer", as: Bool.self) {
                capacities.insert(.independentReviewingOfficer)
            }
            if try row.decode(column: "early_help_professional", as: Bool.self) {
                capacities.insert(.earlyHelpProfessional)
            }
            return Directory.Person(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                email: try row.decode(column: "email", as: String?.self), agency: agency, level: level,
                lineManagerID: try row.decode(column: "line_manager_id", as: UUID?.self), designatedLead: lead,
                capacities: capacities)
        }
    }

    /// A version made current again counts from then, as if installed at that moment.
    private static func installed(_ sql: any SQLDatabase) async throws -> [UUID: [InstalledVersion]] {
        var reinstated: [String: String] = [:]
        let reinstatements = "SELECT partnership_id, sha256, reinstated_at FROM policy_reinstatements"
        for row in try await sql.raw(SQLQueryString(reinstatements)).all() {
            let key =
                "\(try row.decode(column: "partnership_id", as: UUID.self))/\(try row.decode(column: "sha256", as: String.self))"
            reinstated[key] = max(reinstated[key] ?? "", try row.decode(column: "reinstated_at", as: String.self))
        }
        let select: SQLQueryString =
            "SELECT id, partnership_id, policy_id, sha256, created_at FROM policy_versions ORDER BY created_at DESC, id"
        var versions: [UUID: [(since: String, version: InstalledVersion)]] = [:]
        for row in try await sql.raw(select).all() {
            let partnership = try row.decode(column: "partnership_id", as: UUID.self)
            let sha256 = try row.decode(column: "sha256", as: String.self)
            let since = max(
                try row.decode(column: "created_at", as: String.self), reinstated["\(partnership)/\(sha256)"] ?? "")
            versions[partnership, default: []].append(
                (
                    since,
                    InstalledVersion(
                        id: try row.decode(column: "id", as: UUID.self),
                        policyID: try row.decode(column: "policy_id", as: String.self), sha256: sha256)
                ))
        }
        return versions.mapValues { list in
            list.indices.sorted { (list[$0].since, $1) > (list[$1].since, $0) }.map { list[$0].version }
        }
    }
}
