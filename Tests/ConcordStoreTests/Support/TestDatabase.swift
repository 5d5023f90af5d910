import ConcordStore
import Foundation
import SQLKit
import Testing

/// A fresh, migrated database for one test, on SQLite (a temporary file) or on the real
/// PostgreSQL that ./scripts/test starts. PostgreSQL is never skipped: without it the test fails.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        "CONCORD_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test, which starts PostgreSQL"
    }
}

/// Swift Testing runs every test at once, and each PostgreSQL database holds a pool of up to
/// eight connections; without a limit the server runs out ("sorry, too many clients already").
actor PostgresSlots {
    static let shared = PostgresSlots(12)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

enum TestDatabase {
    static func with<T>(_ backend: Backend, _ body: (ConcordDatabase) async throws -> T) async throws -> T {
        guard backend == .postgres else { return try await run(backend, body) }
        await PostgresSlots.shared.acquire()
        do {
            let result = try await run(backend, body)
            await PostgresSlots.shared.release()
            return result
        } catch {
            await PostgresSlots.shared.release()
            throw error
        }
    }

    /// Two connection pools on one fresh database, as two servers sharing it would have.
    static func withTwoServers(
        _ backend: Backend, _ body: (ConcordDatabase, ConcordDatabase) async throws -> Void
    ) async throws {
        try await with(backend) { first in
            let second = try await ConcordDatabase.open(first.url)
            do {
                try await body(first, second)
            } catch {
                await second.shutdown()
                throw error
            }
            await second.shutdown()
        }
    }

    private static func run<T>(_ backend: Backend, _ body: (ConcordDatabase) async throws -> T) async throws -> T {
        let (url, cleanup) = try await create(backend)
        let database = try await ConcordDatabase.open(url)
        do {
            try await database.migrate()
            let result = try await body(database)
            await database.shutdown()
            try await cleanup()
            return result
        } catch {
            await database.shutdown()
            try? await cleanup()
            throw error
        }
    }

    static func create(_ backend: Backend) async throws -> (DatabaseURL, @Sendable () async throws -> Void) {
        let name = "concord_test_\(UUID().uuidString.prefix(8).lowercased())"
        switch backend {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return (.sqlite(path: path), { try? FileManager.default.removeItem(atPath: path) })
        case .postgres:
            guard let admin = ProcessInfo.processInfo.environment["CONCORD_TEST_POSTGRES_URL"] else {
                throw MissingPostgres()
            }
            try await adminSQL(admin, "CREATE DATABASE \(name)")
            var components = URLComponents(string: admin)!
            components.path = "/\(name)"
            return (
                try DatabaseURL(components.string!),
                { try await adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            )
        }
    }

    static func adminSQL(_ url: String, _ statement: String) async throws {
        let admin = try await ConcordDatabase.open(try DatabaseURL(url))
        do {
            try await (admin.database as! any SQLDatabase).raw(SQLQueryString(statement)).run()
        } catch {
            await admin.shutdown()
            throw error
        }
        await admin.shutdown()
    }

    /// Runs raw SQL, as someone tampering with the database directly would: with the rights
    /// to drop the guard that otherwise refuses any change to a written event.
    static func sql(_ database: ConcordDatabase, _ statement: String) async throws {
        let sql = database.database as! any SQLDatabase
        switch database.kind {
        case .sqlite:
            try await sql.raw("DROP TRIGGER IF EXISTS dispute_events_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS dispute_events_no_delete").run()
        case .postgres:
            try await sql.raw("DROP FUNCTION IF EXISTS dispute_events_append_only() CASCADE").run()
        }
        try await sql.raw(SQLQueryString(statement)).run()
    }

    /// Runs raw SQL as an ordinary connection would, with the append-only guard in place.
    static func guardedSQL(_ database: ConcordDatabase, _ statement: String) async throws {
        try await (database.database as! any SQLDatabase).raw(SQLQueryString(statement)).run()
    }
}
