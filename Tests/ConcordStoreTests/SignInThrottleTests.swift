import ConcordStore
import Foundation
import Testing

/// Failed sign-ins by key (an e-mail address or a client address): too many within the window
/// lock that key until the oldest of them leaves the window.
@Suite struct SignInThrottleTests {
    static let window: TimeInterval = 15 * 60
    static let start = Date.london("2026-12-01", hour: 9)

    static func minutes(_ count: Double) -> Date { start.addingTimeInterval(count * 60) }

    static func throttle(_ database: ConcordDatabase) -> SignInThrottle {
        SignInThrottle(database, limit: 3, window: window)
    }

    @Test(arguments: Backend.allCases) func underTheLimitNothingIsLocked(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            #expect(try await throttle.lockedUntil(["ann@x.example"], at: Self.start) == nil)
            try await throttle.recordFailure(["ann@x.example", "10.0.0.1"], at: Self.minutes(0))
            try await throttle.recordFailure(["ann@x.example", "10.0.0.1"], at: Self.minutes(1))
            #expect(try await throttle.lockedUntil(["ann@x.example", "10.0.0.1"], at: Self.minutes(2)) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func atTheLimitTheKeyOpensWhenTheOldestCountedFailureLeavesTheWindow(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            let key = ["ann@x.example"]
            for minute in [1.0, 4, 6] { try await throttle.recordFailure(key, at: Self.minutes(minute)) }
            #expect(
                try await throttle.lockedUntil(key, at: Self.minutes(7))
                    == Self.minutes(1).addingTimeInterval(Self.window))
            // A fourth failure: the last three now start at minute 4.
            try await throttle.recordFailure(key, at: Self.minutes(8))
            let opens = Self.minutes(4).addingTimeInterval(Self.window)
            #expect(try await throttle.lockedUntil(key, at: Self.minutes(9)) == opens)
            #expect(try await throttle.lockedUntil(key, at: opens.addingTimeInterval(-1)) == opens)
            #expect(try await throttle.lockedUntil(key, at: opens) == nil, "open once minute 4 leaves the window")
        }
    }

    @Test(arguments: Backend.allCases) func failuresOlderThanTheWindowDoNotCount(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            let key = ["ann@x.example"]
            for minute in [0.0, 1, 2] { try await throttle.recordFailure(key, at: Self.minutes(minute)) }
            #expect(try await throttle.lockedUntil(key, at: Self.minutes(14)) == Self.minutes(15))
            // At minute 15 the first failure has left the 15-minute window, even though it is still stored.
            #expect(try await throttle.lockedUntil(key, at: Self.minutes(15)) == nil)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures") == 3)
            // The next failure removes those that have left the window.
            try await throttle.recordFailure(key, at: Self.minutes(18))
            #expect(try await throttle.lockedUntil(key, at: Self.minutes(18)) == nil)
            #expect(try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM sign_in_failures") == 1)
            try await throttle.recordFailure(key, at: Self.minutes(19))
            try await throttle.recordFailure(key, at: Self.minutes(20))
            #expect(try await throttle.lockedUntil(key, at: Self.minutes(20)) == Self.minutes(33))
        }
    }

    @Test(arguments: Backend.allCases) func clearingAKeyForgivesItsFailuresOnly(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            for minute in [0.0, 1, 2] {
                try await throttle.recordFailure(["ann@x.example", "10.0.0.1"], at: Self.minutes(minute))
            }
            let opens = Self.minutes(0).addingTimeInterval(Self.window)
            #expect(try await throttle.lockedUntil(["ann@x.example"], at: Self.minutes(3)) == opens)
            try await throttle.clear("ann@x.example")
            #expect(try await throttle.lockedUntil(["ann@x.example"], at: Self.minutes(3)) == nil)
            #expect(try await throttle.lockedUntil(["10.0.0.1"], at: Self.minutes(3)) == opens)
            #expect(try await throttle.lockedUntil(["ann@x.example", "10.0.0.1"], at: Self.minutes(3)) == opens)
        }
    }

    @Test(arguments: Backend.allCases) func keysAreCountedSeparately(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let throttle = Self.throttle(database)
            try await throttle.recordFailure(["ann@x.example", "10.0.0.1"], at: Self.minutes(0))
            try await throttle.recordFailure(["bob@x.example", "10.0.0.1"], at: Self.minutes(1))
            try await throttle.recordFailure(["cat@x.example", "10.0.0.1"], at: Self.minutes(2))
            try await throttle.recordFailure(["ann@x.example", "10.0.0.2"], at: Self.minutes(3))
            let now = Self.minutes(4)
            for key in ["ann@x.example", "bob@x.example", "cat@x.example", "10.0.0.2", "dan@x.example"] {
                #expect(try await throttle.lockedUntil([key], at: now) == nil, "\(key)")
            }
            let client = Self.minutes(0).addingTimeInterval(Self.window)
            #expect(try await throttle.lockedUntil(["10.0.0.1"], at: now) == client)
            #expect(try await throttle.lockedUntil(["dan@x.example", "10.0.0.1"], at: now) == client)
            // With both keys locked, sign-in opens when the later lock lifts.
            try await throttle.recordFailure(["dan@x.example"], at: Self.minutes(4))
            try await throttle.recordFailure(["dan@x.example"], at: Self.minutes(5))
            try await throttle.recordFailure(["dan@x.example"], at: Self.minutes(6))
            let dan = Self.minutes(4).addingTimeInterval(Self.window)
            #expect(try await throttle.lockedUntil(["10.0.0.1", "dan@x.example"], at: Self.minutes(6)) == dan)
            #expect(try await throttle.lockedUntil(["dan@x.example", "10.0.0.1"], at: Self.minutes(6)) == dan)
        }
    }
}
