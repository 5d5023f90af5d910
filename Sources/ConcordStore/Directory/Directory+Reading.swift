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
        guard let model = try await PartnershipModel.find(id, on: database.database) else { return nil }
        return try await partnership(model)
    }

    public func partnership(slug: String) async throws -> Partnership? {
        guard let model = try await PartnershipModel.query(on: database.database).filter(\.$slug == slug).first()
        else { return nil }
        return try await partnership(model)
    }

    public func agencies() async throws -> [Agency] {
        let db = database.database
        let links = try await PartnershipAgencyModel.query(on: db).all()
        var memberships: [UUID: [UUID]] = [:]
        for link in links { memberships[link.agencyID, default: []].append(link.partnershipID) }
        return try await AgencyModel.query(on: db).sort(\.$name).all().compactMap { model in
            let id = try model.requireID()
            guard let type = AgencyType(rawValue: model.type) else { return nil }
            return Agency(id: id, name: model.name, type: type, partnerships: memberships[id] ?? [])
        }
    }

    public func people() async throws -> [Person] {
        let agencies = Dictionary(uniqueKeysWithValues: try await agencies().map { ($0.id, $0.ref) })
        return try await PersonModel.query(on: database.database).sort(\.$name).all().compactMap { model in
            guard let agency = agencies[model.agencyID], let level = RoleLevel(rawValue: model.level) else {
                return nil
            }
            return Person(
                id: try model.requireID(), name: model.name, email: model.email, agency: agency, level: level,
                lineManagerID: model.lineManagerID, designatedLead: model.designatedLead,
                capacities: model.capacities)
        }
    }

    public func person(id: UUID) async throws -> Person? {
        guard let model = try await PersonModel.find(id, on: database.database),
            let agency = try await AgencyModel.find(model.agencyID, on: database.database),
            let level = RoleLevel(rawValue: model.level)
        else { return nil }
        return Person(
            id: id, name: model.name, email: model.email,
            agency: AgencyRef(id: model.agencyID.uuidString, name: agency.name), level: level,
            lineManagerID: model.lineManagerID, designatedLead: model.designatedLead, capacities: model.capacities)
    }

    public func setClosureDay(_ day: LocalDate, partnership: UUID, closed: Bool) async throws {
        let db = database.database
        try await ClosureDayModel.query(on: db).filter(\.$partnershipID == partnership).filter(\.$day == day.iso)
            .delete()
        if closed { try await ClosureDayModel(partnershipID: partnership, day: day.iso).create(on: db) }
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
