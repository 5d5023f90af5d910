import ConcordStore
import Foundation
import Testing

/// Sign-in attempts by key (an e-mail address or a client address), counted before the password
/// is checked: at most `limit` within the window go on; after that the key is locked until the
/// oldest of them leaves the window.
@Suite struct SignInThrottleTests {
    static let window: TimeInterval = 15 * 60
    static let start = Date.london("2026-12-01", hour: 9)

    static func minutes(_ count: Double) -> Date { start.addingTimeInterval(count * 60) }

    static func throttle(_ database: ConcordDatabase) -> SignInThrottle {
        SignInThrottle(database, limit: 3, window: window)
    }

    /// An attempt that went on to fail: its rows stay.
    @discardableResult
    static func fail(_ throttle: SignInThrottle, _ keys: [String], at date: Date) async throws -> SignInThrottle.Attempt
    {
        try await throttle.attempt(keys, at: date)
    }

    static func isAllowed(_ attempt: SignInThrottle.Attempt) -> Bool {
        if case .allowed = attempt { return true }
        return false
    }

    @Test(arguments: Backend.allCases) func underTheLimitEveryAttemptGoesOn(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            for minute in [0.0, 1, 2] {
                let attempt = try await Self.fail(throttle, ["ann@x.example", "10.0.0.1"], at: Self.minutes(minute))
                #expect(Self.isAllowed(attempt))
            }
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures") == 6)
        }
    }

    @Test(arguments: Backend.allCases) func pastTheLimitTheKeyOpensWhenTheOldestCountedAttemptLeavesTheWindow(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            let key = ["ann@x.example"]
            for minute in [1.0, 4, 6] { try await Self.fail(throttle, key, at: Self.minutes(minute)) }
            let opens = Self.minutes(1).addingTimeInterval(Self.window)
            #expect(try await throttle.attempt(key, at: Self.minutes(7)) == .locked(until: opens))
            #expect(try await throttle.attempt(key, at: opens.addingTimeInterval(-1)) == .locked(until: opens))
            // A refused attempt never reached the password, so it does not extend the lock.
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures") == 3)
            let reopened = try await throttle.attempt(key, at: opens)
            #expect(Self.isAllowed(reopened), "open once minute 1 leaves the window")
            // That fourth attempt failed too: the last three now start at minute 4.
            #expect(
                try await throttle.attempt(key, at: opens.addingTimeInterval(1))
                    == .locked(until: Self.minutes(4).addingTimeInterval(Self.window)))
        }
    }

    @Test(arguments: Backend.allCases) func attemptsOlderThanTheWindowAreRemoved(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            let key = ["ann@x.example"]
            for minute in [0.0, 1, 2] { try await Self.fail(throttle, key, at: Self.minutes(minute)) }
            #expect(try await throttle.attempt(key, at: Self.minutes(14)) == .locked(until: Self.minutes(15)))
            let later = try await throttle.attempt(key, at: Self.minutes(18))
            #expect(Self.isAllowed(later))
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures") == 1)
        }
    }

    @Test(arguments: Backend.allCases) func forgivingAndClearing(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            for minute in [0.0, 1] {
                try await Self.fail(throttle, ["ann@x.example", "10.0.0.1"], at: Self.minutes(minute))
            }
            guard case .allowed(let ticket) = try await throttle.attempt(["10.0.0.1"], at: Self.minutes(2)) else {
                Issue.record("the third attempt should go on")
                return
            }
            try await throttle.forgive(ticket)
            let forgiven = try await throttle.attempt(["10.0.0.1"], at: Self.minutes(3))
            #expect(Self.isAllowed(forgiven), "forgiven")
            let third = try await throttle.attempt(["ann@x.example"], at: Self.minutes(3))
            #expect(Self.isAllowed(third))
            try await throttle.clear("ann@x.example")
            #expect(
                try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = 'ann@x.example'")
                    == 0)
            #expect(
                try await throttle.attempt(["10.0.0.1"], at: Self.minutes(4))
                    == .locked(until: Self.minutes(0).addingTimeInterval(Self.window)),
                "clearing an address leaves the client's attempts")
        }
    }

    @Test(arguments: Backend.allCases) func withSeveralKeysTheLatestLockWins(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            for (minute, key) in [(0.0, "bob@x.example"), (1, "cat@x.example"), (2, "dan@x.example")] {
                try await Self.fail(throttle, [key, "10.0.0.1"], at: Self.minutes(minute))
            }
            for minute in [4.0, 5] { try await Self.fail(throttle, ["dan@x.example"], at: Self.minutes(minute)) }
            let bob = try await throttle.attempt(["bob@x.example", "10.0.0.2"], at: Self.minutes(7))
            #expect(Self.isAllowed(bob))
            #expect(
                try await throttle.attempt(["dan@x.example", "10.0.0.1"], at: Self.minutes(7))
                    == .locked(until: Self.minutes(2).addingTimeInterval(Self.window)),
                "the address opens at minute 17, after the client at minute 15")
        }
    }

    /// The race the issue found: attempts checked the lock, ran bcrypt, then recorded the
    /// failure, so 40 at once got 23 password checks against a limit of 5. Here 40 race from
    /// two connection pools on one database, as two servers would.
    @Test(arguments: Backend.allCases) func racingAttemptsFromTwoServersNeverPassTheLimit(
        _ backend: Backend
    ) async throws {
        try await TestDatabase.withTwoServers(backend) { first, second in
            let throttles = [first, second].map { SignInThrottle($0, limit: 5, window: Self.window) }
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        Self.isAllowed(try await throttles[index % 2].attempt(["ann@x.example"], at: Self.start))
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(allowed <= 5, "\(allowed) of 40 racing attempts reached the password check")
            #expect(try await RawSQL.int(first, "SELECT COUNT(*) AS n FROM sign_in_failures") == allowed)
        }
    }
}
