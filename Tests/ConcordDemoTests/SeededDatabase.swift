import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Synchronization
import Testing

/// 10:00 on Monday 23 November 2026 in London: the frozen clock the demo is seeded on.
let demoNow = LondonTime.startOfDay(LocalDate(year: 2026, month: 11, day: 23)!).addingTimeInterval(10 * 3600)

/// A migrated SQLite database in its own temporary directory, shut down and removed whether
/// the body succeeds or not.
func withDatabase(_ body: (ConcordDatabase) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concord-demo-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try await ConcordDatabase.open(.sqlite(path: directory.appendingPathComponent("demo.sqlite").path))
    do {
        try await database.migrate()
        try await body(database)
    } catch {
        await database.shutdown()
        throw error
    }
    await database.shutdown()
}

/// A trivial stand-in for bcrypt, counting its calls.
final class CountingHash: Sendable {
    private let calls = Mutex(0)

    var count: Int { calls.withLock { $0 } }

    func hash(_ password: String) -> String {
        calls.withLock { $0 += 1 }
        return "hashed:\(password)"
    }
}

/// A database seeded with the demo on the frozen clock.
func withSeededDatabase(_ body: (ConcordDatabase, [DemoData.SignIn]) async throws -> Void) async throws {
    try await withDatabase { database in
        let signIns = try await DemoData.seed(database, hash: { "hashed:\($0)" }, now: demoNow)
        try await body(database, signIns)
    }
}
