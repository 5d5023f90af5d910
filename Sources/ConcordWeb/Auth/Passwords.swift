import NIOConcurrencyHelpers
import Vapor

/// bcrypt, which takes a quarter of a second by design, run on threads of its own and only a
/// few at a time: on the shared thread pool, a burst of sign-ins queued SQLite's work behind
/// it and made signed-in people's pages wait.
final class PasswordHasher: Sendable {
    /// How many hashes may run at once.
    let limit: Int
    private let pool: NIOThreadPool
    private let permits: Permits
    private let counts = NIOLockedValueBox(Counts())

    struct Counts {
        var running = 0
        /// The most that ever ran at once, and how many passwords were checked.
        var mostAtOnce = 0
        var verified = 0
    }

    init(limit: Int) {
        self.limit = limit
        pool = NIOThreadPool(numberOfThreads: limit)
        pool.start()
        permits = Permits(limit)
    }

    var statistics: Counts { counts.withLockedValue { $0 } }

    func hash(_ password: String, cost: Int) async throws -> String {
        try await run { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        counts.withLockedValue { $0.verified += 1 }
        return try await run { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    func shutdown() async throws {
        try await pool.shutdownGracefully()
    }

    private func run<T: Sendable>(_ work: @Sendable @escaping () throws -> T) async throws -> T {
        await permits.acquire()
        defer { permits.release() }
        counts.withLockedValue {
            $0.running += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.running)
        }
        defer { counts.withLockedValue { $0.running -= 1 } }
        return try await pool.runIfActive(work)
    }

    /// A counting semaphore for async code: waiters resume in turn as permits come back.
    private final class Permits: Sendable {
        private let state: NIOLockedValueBox<(free: Int, waiting: [CheckedContinuation<Void, Never>])>

        init(_ count: Int) { state = NIOLockedValueBox((count, [])) }

        func acquire() async {
            await withCheckedContinuation { waiter in
                let now = state.withLockedValue { state in
                    guard state.free > 0 else {
                        state.waiting.append(waiter)
                        return false
                    }
                    state.free -= 1
                    return true
                }
                if now { waiter.resume() }
            }
        }

        func release() {
            let next: CheckedContinuation<Void, Never>? = state.withLockedValue { state in
                guard !state.waiting.isEmpty else {
                    state.free += 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
    }
}

enum Passwords {
    static let minimumLength = 12

    static func hash(_ password: String, cost: Int, on request: Request) async throws -> String {
        try await request.application.passwords.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String, on request: Request) async throws -> Bool {
        try await request.application.passwords.verify(password, hash: hash)
    }

    /// Checked against when the e-mail address is unknown, so that a wrong address takes as
    /// long to refuse as a wrong password; made once per cost.
    static func decoy(cost: Int, on request: Request) async throws -> String {
        if let hash = decoys.withLockedValue({ $0[cost] }) { return hash }
        let hash = try await self.hash(UUID().uuidString, cost: cost, on: request)
        decoys.withLockedValue { $0[cost] = hash }
        return hash
    }

    private static let decoys = NIOLockedValueBox<[Int: String]>([:])
}

extension Application {
    struct PasswordHasherKey: StorageKey { typealias Value = PasswordHasher }

    var passwords: PasswordHasher {
        guard let hasher = storage[PasswordHasherKey.self] else { fatalError("ConcordWeb.configure was not called") }
        return hasher
    }
}

/// Stops the hashing threads with the app.
struct PasswordHasherShutdown: LifecycleHandler {
    let hasher: PasswordHasher

    func shutdownAsync(_ application: Application) async {
        try? await hasher.shutdown()
    }
}
