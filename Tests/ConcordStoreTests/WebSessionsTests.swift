import ConcordStore
import Foundation
import Testing

/// Browser sessions kept in the database: only a hash of the cookie's token is stored, and a
/// session ends when idle too long, when it reaches its absolute limit, or when signed out.
@Suite struct WebSessionsTests {
    static let idle: TimeInterval = 30 * 60
    static let absolute: TimeInterval = 2 * 3600
    static let start = Date.london("2026-12-01", hour: 9)

    static func sessions(_ database: ConcordDatabase) -> WebSessions {
        WebSessions(database, idleTimeout: idle, absoluteTimeout: absolute)
    }

    @Test(arguments: Backend.allCases) func onlyTheTokensHashIsStored(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            let account = UUID()
            let (token, session) = try await sessions.start(account: account, at: Self.start)
            let other = try await sessions.start(account: UUID(), at: Self.start)
            #expect(token.count >= 40)
            #expect(token != other.token)
            #expect(session.accountID == account)
            #expect(other.session.accountID != account)
            #expect(session.csrfToken.count >= 40 && session.csrfToken != token)
            #expect(session.csrfToken != other.session.csrfToken)
            #expect(session.expiresAt == Self.start.addingTimeInterval(Self.idle))

            let hashes = try await RawSQL.rows(database, "SELECT token_hash FROM web_sessions").map {
                try $0.decode(column: "token_hash", as: String.self)
            }
            #expect(Set(hashes) == [EventChain.sha256(token), EventChain.sha256(other.token)])
            let quoted = RawSQL.quoted("%" + token + "%")
            let leaks = try await RawSQL.int(
                database,
                """
                SELECT COUNT(*) AS n FROM web_sessions WHERE token_hash LIKE \(quoted) OR csrf_token LIKE \(quoted)
                  OR created_at LIKE \(quoted) OR last_seen_at LIKE \(quoted) OR expires_at LIKE \(quoted)
                """)
            #expect(leaks == 0)
            #expect(try await sessions.resume(token: EventChain.sha256(token), at: Self.start) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func resumingSlidesTheIdleDeadline(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            let (token, started) = try await sessions.start(account: UUID(), at: Self.start)
            let later = Self.start.addingTimeInterval(Self.idle - 1)
            let resumed = try #require(try await sessions.resume(token: token, at: later))
            #expect(resumed.id == started.id)
            #expect(resumed.accountID == started.accountID)
            #expect(resumed.csrfToken == started.csrfToken)
            #expect(resumed.expiresAt == later.addingTimeInterval(Self.idle))
            // Still alive after the first idle period, because it was used.
            let again = Self.start.addingTimeInterval(Self.idle + 60)
            #expect(try await sessions.resume(token: token, at: again)?.id == started.id)
            #expect(try await sessions.resume(token: "not-a-token", at: again) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func anIdleSessionExpiresAndIsDeleted(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            let (token, _) = try await sessions.start(account: UUID(), at: Self.start)
            let (kept, _) = try await sessions.start(account: UUID(), at: Self.start.addingTimeInterval(Self.idle))
            #expect(try await sessions.resume(token: token, at: Self.start.addingTimeInterval(Self.idle + 1)) == nil)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM web_sessions") == 1)
            #expect(
                try await RawSQL.string(database, "SELECT token_hash FROM web_sessions", column: "token_hash")
                    == EventChain.sha256(kept))
            #expect(try await sessions.resume(token: token, at: Self.start) == nil, "deleted, not just refused")
        }
    }

    @Test(arguments: Backend.allCases) func theAbsoluteTimeoutCapsTheSlidingDeadline(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            let (token, _) = try await sessions.start(account: UUID(), at: Self.start)
            let cap = Self.start.addingTimeInterval(Self.absolute)
            var now = Self.start
            var lastExpiry = Self.start
            // Used every 20 minutes, it never goes idle, but ends at its absolute limit.
            while now.addingTimeInterval(20 * 60) < cap {
                now = now.addingTimeInterval(20 * 60)
                let session = try #require(try await sessions.resume(token: token, at: now))
                #expect(session.expiresAt <= cap)
                lastExpiry = session.expiresAt
            }
            #expect(lastExpiry == cap)
            #expect(try await sessions.resume(token: token, at: cap.addingTimeInterval(-1)) != nil)
            #expect(try await sessions.resume(token: token, at: cap.addingTimeInterval(1)) == nil)

            let short = WebSessions(database, idleTimeout: Self.idle, absoluteTimeout: 600)
            let (brief, session) = try await short.start(account: UUID(), at: Self.start)
            #expect(session.expiresAt == Self.start.addingTimeInterval(600))
            #expect(try await short.resume(token: brief, at: Self.start.addingTimeInterval(601)) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func endingASessionSignsOutThatTokenOnly(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            let account = UUID()
            let (first, _) = try await sessions.start(account: account, at: Self.start)
            let (second, _) = try await sessions.start(account: account, at: Self.start)
            try await sessions.end(token: first)
            #expect(try await sessions.resume(token: first, at: Self.start) == nil)
            #expect(try await sessions.resume(token: second, at: Self.start)?.accountID == account)
            try await sessions.end(token: first)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM web_sessions") == 1)
        }
    }

    @Test(arguments: Backend.allCases) func purgingRemovesOnlyExpiredSessions(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let sessions = Self.sessions(database)
            var live: [String] = []
            for minutes in [0, 5, 10] {
                _ = try await sessions.start(account: UUID(), at: Self.start.addingTimeInterval(Double(minutes) * 60))
            }
            for minutes in [20, 40] {
                live.append(
                    try await sessions.start(account: UUID(), at: Self.start.addingTimeInterval(Double(minutes) * 60))
                        .token)
            }
            let now = Self.start.addingTimeInterval(Self.idle + 15 * 60)
            #expect(try await sessions.purgeExpired(at: now) == 3)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM web_sessions") == 2)
            for token in live { #expect(try await sessions.resume(token: token, at: now) != nil) }
            #expect(try await sessions.purgeExpired(at: now) == 0)
        }
    }
}
