import ConcordCore
import FluentKit
import Foundation

extension Directory {
    public struct Agency: Hashable, Sendable {
        public var id: UUID
        public var name: String
        public var type: AgencyType
        public var partnerships: [UUID]

        public var ref: AgencyRef { AgencyRef(id: id.uuidString, name: name) }
    }

    public struct Person: Hashable, Sendable {
        public var id: UUID
        public var name: String
        public var email: String?
        public var agency: AgencyRef
        public var level: RoleLevel
        public var lineManagerID: UUID?
        /// One of their agency's designated safeguarding leads.
        public var designatedLead: Bool = false
        /// The capacities the directory records them as holding, designated lead included.
        public var capacities: Set<Capacity> = []

        public var ref: PersonRef { PersonRef(id: id.uuidString, name: name, agency: agency, level: level) }
    }

    public struct PolicyVersion: Hashable, Sendable {
        public var sha256: String
        public var policyID: String
        public var installedAt: Date
        public var yaml: String
        /// The last time an administrator made it current again, and who.
        public var reinstatedAt: Date?
        public var reinstatedBy: String?
    }

    public func partnership(id: UUID) async throws -> Partnership? {
        try await snapshot().partnership(id: id)
    }

    public func partnership(slug: String) async throws -> Partnership? {
        try await snapshot().partnership(slug: slug)
    }

    /// By name.
    public func agencies() async throws -> [Agency] {
        try await snapshot().agencies
    }

    /// By name.
    public func people() async throws -> [Person] {
        try await snapshot().people
    }

    public func person(id: UUID) async throws -> Person? {
        try await snapshot().person(id: id)
    }

    public func setClosureDay(_ day: LocalDate, partnership: UUID, closed: Bool) async throws {
        try await database.database.transaction { tx in
            try await ClosureDayModel.query(on: tx).filter(\.$partnershipID == partnership)
                .filter(\.$day == day.iso).delete()
            if closed { try await ClosureDayModel(partnershipID: partnership, day: day.iso).create(on: tx) }
            try await DirectoryVersion.bump(tx)
        }
    }

    /// Every installed version, newest first.
    public func policyVersions(partnership: UUID) async throws -> [PolicyVersion] {
        let reinstated = try await reinstatements(partnership: partnership)
        return try await PolicyVersionModel.query(on: database.database).filter(\.$partnershipID == partnership)
            .sort(\.$createdAt, .descending).all().map { model in
                PolicyVersion(
                    sha256: model.sha256, policyID: model.policyID,
                    installedAt: EventChain.date(model.createdAt) ?? .distantPast, yaml: model.yaml,
                    reinstatedAt: reinstated[model.sha256].flatMap { EventChain.date($0.at) },
                    reinstatedBy: reinstated[model.sha256]?.by)
            }
    }
}

extension Directory {
    /// The partnership's working days: its region's bank holidays and its own closure days.
    public func calendar(partnership: Partnership, holidays: HolidayTable) -> WorkingCalendar {
        WorkingCalendar(region: partnership.region, holidays: holidays, closureDays: partnership.closureDays)
    }
}
