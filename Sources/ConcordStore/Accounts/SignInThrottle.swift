import FluentKit
import Foundation

/// Slows down password guessing: at most `limit` attempts for one e-mail address, or from one
/// client address, within a window reach the password check; after that, sign-in is refused for
/// that key until the window passes, even with the right password.
public struct SignInThrottle: Sendable {
    let database: ConcordDatabase
    public let limit: Int
    public let window: TimeInterval

    public init(_ database: ConcordDatabase, limit: Int, window: TimeInterval) {
        self.database = database
        self.limit = limit
        self.window = window
    }

    public enum Attempt: Sendable, Equatable {
        /// The password may be checked; the ticket forgives the attempt if it succeeds.
        case allowed(Ticket)
        /// Refused without checking the password; sign-in opens again then.
        case locked(until: Date)
    }

    /// The rows one allowed attempt wrote.
    public struct Ticket: Sendable, Equatable {
        let ids: [UUID]
    }

    /// Counts an attempt against every one of `keys` before its password is checked, and says
    /// whether it may go on. Each key's row is committed on its own before that key is counted:
    /// of attempts racing, in this process or another server sharing the database, the n-th to
    /// commit counts at least n, so no more than `limit` of them are ever allowed.
    public func attempt(_ keys: [String], at now: Date) async throws -> Attempt {
        let db = database.database
        let rows = keys.map { SignInFailureModel(key: $0, failedAt: EventChain.timestamp(now)) }
        for row in rows { try await row.create(on: db) }
        let ids = try rows.map { try $0.requireID() }
        let since = EventChain.timestamp(now.addingTimeInterval(-window))
        var until: Date?
        for key in keys {
            let others = try await SignInFailureModel.query(on: db).filter(\.$key == key)
                .filter(\.$failedAt > since).filter(\.$id !~ ids).sort(\.$failedAt).all()
            // Open again once the others are down to limit - 1, so that this one would be the limit-th.
            guard others.count >= limit, let oldest = others.suffix(limit).first,
                let at = EventChain.date(oldest.failedAt)
            else { continue }
            let opens = at.addingTimeInterval(window)
            until = max(until ?? opens, opens)
        }
        try await SignInFailureModel.query(on: db).filter(\.$failedAt < since).delete()
        guard let until else { return .allowed(Ticket(ids: ids)) }
        // A refused attempt never reached the password, so it is not held against the key.
        try await forgive(Ticket(ids: ids))
        return .locked(until: until)
    }

    /// Takes back an allowed attempt: its password was right, or another key refused it.
    public func forgive(_ ticket: Ticket) async throws {
        guard !ticket.ids.isEmpty else { return }
        try await SignInFailureModel.query(on: database.database).filter(\.$id ~~ ticket.ids).delete()
    }

    /// A successful sign-in forgives that address's earlier failures.
    public func clear(_ key: String) async throws {
        try await SignInFailureModel.query(on: database.database).filter(\.$key == key).delete()
    }
}
