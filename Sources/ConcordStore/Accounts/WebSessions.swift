import Crypto
import FluentKit
import Foundation

/// A signed-in browser session, carrying the token every form must echo back. Nothing is
/// stored for someone who has not signed in, so visits cannot fill the table.
public struct WebSession: Hashable, Sendable {
    public var id: UUID
    public var accountID: UUID?
    public var csrfToken: String
    public var expiresAt: Date
}

public struct WebSessions: Sendable {
    let database: ConcordDatabase
    /// How long a session lasts without use, and at most.
    public let idleTimeout: TimeInterval
    public let absoluteTimeout: TimeInterval

    public init(_ database: ConcordDatabase, idleTimeout: TimeInterval, absoluteTimeout: TimeInterval) {
        self.database = database
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    /// Starts a session and returns the token for the cookie; only its hash is stored.
    public func start(account: UUID, at now: Date) async throws -> (token: String, session: WebSession) {
        let token = Self.randomToken()
        let model = WebSessionModel()
        model.tokenHash = Self.hash(token)
        model.accountID = account
        model.csrfToken = Self.randomToken()
        model.createdAt = EventChain.timestamp(now)
        model.lastSeenAt = EventChain.timestamp(now)
        model.expiresAt = EventChain.timestamp(now.addingTimeInterval(min(idleTimeout, absoluteTimeout)))
        try await model.create(on: database.database)
        return (token, try Self.session(model))
    }

    /// The live session for a cookie's token, its idle deadline moved on; nil once it has
    /// expired or ended.
    public func resume(token: String, at now: Date) async throws -> WebSession? {
        let db = database.database
        guard let model = try await WebSessionModel.query(on: db).filter(\.$tokenHash == Self.hash(token)).first()
        else { return nil }
        guard let expires = EventChain.date(model.expiresAt), expires > now,
            let created = EventChain.date(model.createdAt)
        else {
            try await model.delete(on: db)
            return nil
        }
        let next = min(now.addingTimeInterval(idleTimeout), created.addingTimeInterval(absoluteTimeout))
        // Writing on every request would serialise readers behind SQLite's writer; a minute's
        // slack in the idle deadline costs nothing.
        if next.timeIntervalSince(expires) > 60 {
            model.lastSeenAt = EventChain.timestamp(now)
            model.expiresAt = EventChain.timestamp(next)
            try await model.save(on: db)
        }
        return try Self.session(model)
    }

    public func end(token: String) async throws {
        try await WebSessionModel.query(on: database.database).filter(\.$tokenHash == Self.hash(token)).delete()
    }

    /// Removes sessions past their deadline; returns how many.
    @discardableResult
    public func purgeExpired(at now: Date) async throws -> Int {
        let db = database.database
        let stale = WebSessionModel.query(on: db).filter(\.$expiresAt < EventChain.timestamp(now))
        let count = try await stale.count()
        try await WebSessionModel.query(on: db).filter(\.$expiresAt < EventChain.timestamp(now)).delete()
        return count
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        EventChain.sha256(token)
    }

    static func session(_ model: WebSessionModel) throws -> WebSession {
        WebSession(
            id: try model.requireID(), accountID: model.accountID, csrfToken: model.csrfToken,
            expiresAt: EventChain.date(model.expiresAt) ?? .distantPast)
    }
}
