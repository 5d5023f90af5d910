import Foundation

/// The time, from one place, so that tests can freeze it.
public protocol WallClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }
}

/// A clock that stands still until moved.
public final class FrozenClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) {
        current = date
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func advance(by interval: TimeInterval) {
        lock.withLock { current += interval }
    }
}
