import ConcordCore
import FluentKit
import Foundation

/// Why the directory refused a change.
public enum DirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The new manager is the person, or is managed by them directly or further down.
    case managerLoop(person: String, manager: String)

    public var description: String {
        switch self {
        case .managerLoop(let person, let manager):
            manager == person
                ? "\(person) cannot be their own line manager"
                : "\(manager) is managed by \(person), directly or through others, so cannot be their line manager"
        }
    }
}

extension Directory {
    /// Sets or clears a person's line manager, refusing a chain of managers that would come back
    /// round to the person.
    public func setLineManager(person: UUID, manager: UUID?) async throws {
        let db = database.database
        try await db.transaction { tx in
            guard let model = try await PersonModel.find(person, on: tx) else {
                throw StoreError.notFound("person \(person)")
            }
            if let manager {
                guard let managerModel = try await PersonModel.find(manager, on: tx) else {
                    throw StoreError.notFound("person \(manager)")
                }
                var seen: Set<UUID> = []
                var next: UUID? = manager
                while let current = next, seen.insert(current).inserted {
                    if current == person {
                        throw DirectoryError.managerLoop(person: model.name, manager: managerModel.name)
                    }
                    next = try await PersonModel.find(current, on: tx)?.lineManagerID
                }
            }
            model.lineManagerID = manager
            try await model.save(on: tx)
            try await LineManagement.rebuild(tx)
            try await DirectoryVersion.bump(tx)
        }
    }
}

extension Directory {
    public func setDesignatedLead(person: UUID, _ isLead: Bool) async throws {
        try await database.database.transaction { tx in
            guard let model = try await PersonModel.find(person, on: tx) else {
                throw StoreError.notFound("person \(person)")
            }
            model.designatedLead = isLead
            try await model.save(on: tx)
            try await DirectoryVersion.bump(tx)
        }
    }
}

extension Directory {
    /// The capacities the directory records; the others a protocol names (designated and named
    /// professionals) it does not, so anyone may take part in them.
    public static let recordedCapacities: [Capacity] = [
        .designatedSafeguardingLead, .independentReviewingOfficer, .earlyHelpProfessional,
    ]

    public func setCapacity(_ capacity: Capacity, person: UUID, holds: Bool) async throws {
        try await database.database.transaction { tx in
            guard let model = try await PersonModel.find(person, on: tx) else {
                throw StoreError.notFound("person \(person)")
            }
            switch capacity {
            case .designatedSafeguardingLead: model.designatedLead = holds
            case .independentReviewingOfficer: model.reviewingOfficer = holds
            case .earlyHelpProfessional: model.earlyHelp = holds
            case .designatedProfessional, .namedProfessional, .conferenceChair, .independentChair, .coordinator:
                throw StoreError.notFound("\(capacity.rawValue) records")
            }
            try await model.save(on: tx)
            try await DirectoryVersion.bump(tx)
        }
    }
}
