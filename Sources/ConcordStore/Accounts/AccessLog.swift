import FluentKit
import Foundation

/// Every time someone opens or acts on a dispute. Only the dispute's id is logged, never what
/// it says about a child.
public struct AccessLog: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    public struct Entry: Hashable, Sendable {
        public var accountName: String
        public var role: AccountRole?
        public var action: String
        public var at: Date
    }

    public func record(dispute: UUID, by account: Account, action: String, at now: Date) async throws {
        let model = AccessLogModel()
        model.disputeID = dispute
        model.accountID = account.id
        model.accountName = "\(account.name) <\(account.email)>"
        model.role = account.role.rawValue
        model.action = action
        model.at = EventChain.timestamp(now)
        try await model.create(on: database.database)
    }

    public func entries(dispute: UUID) async throws -> [Entry] {
        try await AccessLogModel.query(on: database.database).filter(\.$disputeID == dispute).sort(\.$at)
            .sort(\.$id).all().map { model in
                Entry(
                    accountName: model.accountName, role: AccountRole(rawValue: model.role), action: model.action,
                    at: EventChain.date(model.at) ?? .distantPast)
            }
    }
}
