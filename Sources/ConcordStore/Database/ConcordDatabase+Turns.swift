import FluentKit
import SQLKit

/// Servers sharing one PostgreSQL database start at the same time (a deployment, a restart),
/// and each begins by migrating and perhaps seeding it. Done at once, all but one fail on a
/// table another has just made, or the demo data is seeded twice; so they take turns.
extension ConcordDatabase {
    /// What processes sharing a database take turns at; each is its own advisory lock.
    public enum Turn: Int64, Sendable {
        case migrating = 0x436F_6E63_6F72_6401
        case seeding = 0x436F_6E63_6F72_6402
    }

    /// Runs `body` while no other Concord process sharing this database runs one for the same
    /// turn. The lock belongs to a transaction that `body` itself does not use, so PostgreSQL
    /// lets it go however the process ends. SQLite serves one server only, and needs none.
    public func inTurn<T: Sendable>(
        _ turn: Turn, _ body: @escaping @Sendable () async throws -> T
    )
        async throws -> T
    {
        guard kind == .postgres else { return try await body() }
        return try await database.transaction { tx in
            try await (tx as! any SQLDatabase).raw("SELECT pg_advisory_xact_lock(\(bind: turn.rawValue))").run()
            return try await body()
        }
    }
}
