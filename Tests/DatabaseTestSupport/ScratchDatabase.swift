import ConcordStore
import Foundation
import SQLKit

/// The two databases Concord runs on, for test targets outside the store's own (whose
/// TestDatabase does the same for its suites): a temporary SQLite file, or a fresh database on
/// the real PostgreSQL that ./scripts/test starts. PostgreSQL is never skipped: without it the
/// test fails.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// A fresh, empty database's address, and how to remove it afterwards.
    public func create() async throws -> (url: DatabaseURL, remove: @Sendable () async throws -> Void) {
        let name = "concord_scratch_\(UUID().uuidString.prefix(8).lowercased())"
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return (.sqlite(path: path), { try? FileManager.default.removeItem(atPath: path) })
        case .postgres:
            guard let admin = ProcessInfo.processInfo.environment["CONCORD_TEST_POSTGRES_URL"],
                var components = URLComponents(string: admin)
            else { throw ScratchDatabaseError() }
            try await Self.adminSQL(admin, "CREATE DATABASE \(name)")
            components.path = "/\(name)"
            return (
                try DatabaseURL(components.string ?? ""),
                { try await Self.adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            )
        }
    }

    private static func adminSQL(_ url: String, _ statement: String) async throws {
        let admin = try await ConcordDatabase.open(try DatabaseURL(url))
        do {
            try await (admin.database as! any SQLDatabase).raw(SQLQueryString(statement)).run()
        } catch {
            await admin.shutdown()
            throw error
        }
        await admin.shutdown()
    }
}

public struct ScratchDatabaseError: Error, CustomStringConvertible {
    public var description: String {
        "CONCORD_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test, which starts PostgreSQL"
    }
}
