import ConcordStore
import DatabaseTestSupport
import Foundation

/// Where a web test's database lives: a SQLite file, or a fresh database on the PostgreSQL
/// server that ./scripts/test starts. PostgreSQL is never skipped: without it the test fails.
enum WebBackend: String, CaseIterable, CustomStringConvertible, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// The database's address, and how to remove it afterwards.
    func create(sqlite path: String) async throws -> (DatabaseURL, @Sendable () async throws -> Void) {
        switch self {
        case .sqlite: return (.sqlite(path: path), {})
        case .postgres: return try await Backend.postgres.create()
        }
    }
}
