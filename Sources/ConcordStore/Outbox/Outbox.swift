import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// The queue of messages: delivery workers claim and settle them; the business office reads
/// and resends them.
public struct Outbox: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    /// Claims up to `limit` messages that are due, for `lease`. Two workers, in one server or
    /// several, never hold the same message: PostgreSQL skips rows another worker has locked,
    /// and SQLite runs the one statement under its write lock. A claim that lapses (its
    /// worker died mid-send) makes the message due again. Significant-harm alerts go first.
    public func claim(limit: Int, at now: Date, lease: TimeInterval) async throws -> [OutboxMessage] {
        let sql = database.database as! any SQLDatabase
        let time = EventChain.timestamp(now)
        let until = EventChain.timestamp(now + lease)
        let lock: SQLQueryString = database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE outbox_messages SET status = 'sending', claimed_until = \(bind: until), attempts = attempts + 1
            WHERE id IN (SELECT id FROM outbox_messages
              WHERE (status = 'pending' AND next_attempt_at <= \(bind: time))
                 OR (status = 'sending' AND claimed_until <= \(bind: time))
              ORDER BY urgent DESC, next_attempt_at LIMIT \(literal: limit)\(lock))
            RETURNING id
            """
        let ids = try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await OutboxMessageModel.query(on: database.database).filter(\.$id ~~ ids)
            .sort(\.$urgent, .descending).sort(\.$nextAttemptAt).all().map(OutboxMessage.init)
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await OutboxMessageModel.query(on: database.database).filter(\.$id == id)
            .set(\.$status, to: OutboxStatus.sent.rawValue).set(\.$sentAt, to: EventChain.timestamp(now))
            .set(\.$claimedUntil, to: nil).set(\.$lastError, to: nil).update()
    }

    /// Records a failed attempt: due again at `retryAt`, or failed for good when that is nil.
    /// `error` must say what went wrong without quoting the message.
    public func markFailed(_ id: UUID, error: String, retryAt: Date?) async throws {
        let status: OutboxStatus = retryAt == nil ? .failed : .pending
        var query = OutboxMessageModel.query(on: database.database).filter(\.$id == id)
            .set(\.$status, to: status.rawValue).set(\.$claimedUntil, to: nil).set(\.$lastError, to: error)
        if let retryAt { query = query.set(\.$nextAttemptAt, to: EventChain.timestamp(retryAt)) }
        try await query.update()
    }

    /// Puts a failed message back in the queue, to be tried afresh; false when it is not a
    /// failed message of this partnership.
    public func resend(_ id: UUID, partnership: UUID, at now: Date) async throws -> Bool {
        guard
            let model = try await OutboxMessageModel.query(on: database.database).filter(\.$id == id)
                .filter(\.$partnershipID == partnership).filter(\.$status == OutboxStatus.failed.rawValue).first(),
            model.recipientEmail != nil
        else { return false }
        model.status = OutboxStatus.pending.rawValue
        model.attempts = 0
        model.nextAttemptAt = EventChain.timestamp(now)
        model.lastError = nil
        try await model.save(on: database.database)
        return true
    }

    public func messages(
        partnership: UUID, status: [OutboxStatus] = OutboxStatus.allCases, dispute: UUID? = nil, limit: Int = 200
    ) async throws -> [OutboxMessage] {
        var query = OutboxMessageModel.query(on: database.database).filter(\.$partnershipID == partnership)
            .filter(\.$status ~~ status.map(\.rawValue))
        if let dispute { query = query.filter(\.$disputeID == dispute) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all().map(OutboxMessage.init)
    }

    public func message(_ id: UUID) async throws -> OutboxMessage? {
        try await OutboxMessageModel.find(id, on: database.database).map(OutboxMessage.init)
    }

    /// How many of the partnership's messages stand in each status.
    public func counts(partnership: UUID) async throws -> [OutboxStatus: Int] {
        try await counts { $0.where("partnership_id", .equal, partnership) }
    }

    /// The states of a message not yet sent: held for a digest, due, being sent, or failed and
    /// waiting for the business office to resend it.
    public static let backlogStates: [OutboxStatus] = [.held, .pending, .sending, .failed]

    /// How many messages, across every partnership, stand in each of `backlogStates`: one
    /// grouped query that the status index answers without reading the sent messages.
    public func backlog() async throws -> [OutboxStatus: Int] {
        try await counts { $0.where("status", .in, Self.backlogStates.map(\.rawValue)) }
    }

    private func counts(
        _ filter: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [OutboxStatus: Int] {
        let sql = database.database as! any SQLDatabase
        let select = sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(OutboxMessageModel.schema)
        let rows = try await filter(select).groupBy("status").all()
        var counts: [OutboxStatus: Int] = [:]
        for row in rows {
            if let status = OutboxStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
