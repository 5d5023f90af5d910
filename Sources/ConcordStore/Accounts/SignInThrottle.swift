import FluentKit
import Foundation

/// Slows down password guessing: after too many failures for one e-mail address, or from one
/// client address, within a window, sign-in is refused for that key until the window passes,
/// even with the right password.
public struct SignInThrottle: Sendable {
    let database: ConcordDatabase
    public let limit: Int
    public let window: TimeInterval

    public init(_ database: ConcordDatabase, limit: Int, window: TimeInterval) {
        self.database = database
        self.limit = limit
        self.window = window
    }

    /// When sign-in opens again for every one of `keys`: the latest of their locks, or nil if none
    /// is locked.
    public func lockedUntil(_ keys: [String], at now: Date) async throws -> Date? {
        let since = EventChain.timestamp(now.addingTimeInterval(-window))
        var until: Date?
        for key in keys {
            let failures = try await SignInFailureModel.query(on: database.database).filter(\.$key == key)
                .filter(\.$failedAt > since).sort(\.$failedAt).all()
            guard failures.count >= limit, let oldest = failures.suffix(limit).first,
                let at = EventChain.date(oldest.failedAt)
            else { continue }
            let opens = at.addingTimeInterval(window)
            until = max(until ?? opens, opens)
        }
        return until
    }

    public func recordFailure(_ keys: [String], at now: Date) async throws {
        let db = database.database
        try await keys.map { SignInFailureModel(key: $0, failedAt: EventChain.timestamp(now)) }.create(on: db)
        try await SignInFailureModel.query(on: db)
            .filter(\.$failedAt < EventChain.timestamp(now.addingTimeInterval(-window))).delete()
    }

    /// A successful sign-in forgives that address's earlier failures.
    public func clear(_ key: String) async throws {
        try await SignInFailureModel.query(on: database.database).filter(\.$key == key).delete()
    }
}
