import ConcordStore
import Foundation
import SQLKit

/// Where a web test's database lives: a SQLite file, or a fresh database on the PostgreSQL
/// server that ./scripts/test starts. PostgreSQL is never skipped: without it the test fails.
enum WebBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    struct MissingPostgres: Error, CustomStringConvertible {
        var description: String {
            "CONCORD_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test, which starts PostgreSQL"
        }
    }

    /// The database's address, and how to remove it afterwards.
    func create(sqlite path: String) async throws -> (DatabaseURL, @Sendable () async throws -> Void) {
        switch self {
        case .sqlite: return (.sqlite(path: path), {})
        case .postgres:
            guard let admin = ProcessInfo.processInfo.environment["CONCORD_TEST_POSTGRES_URL"] else {
                throw MissingPostgres()
            }
            let name = "concord_web_\(UUID().uuidString.prefix(8).lowercased())"
            try await Self.adminSQL(admin, "CREATE DATABASE \(name)")
            var components = URLComponents(string: admin)!
            components.path = "/\(name)"
            return (
                try DatabaseURL(components.string!),
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
