import ConcordStore
import Foundation
import SQLKit

/// Raw SQL reads and writes, as someone with direct database access would make them.
enum RawSQL {
    static func rows(_ database: ConcordDatabase, _ statement: String) async throws -> [any SQLRow] {
        try await (database.database as! any SQLDatabase).raw(SQLQueryString(statement)).all()
    }

    static func int(_ database: ConcordDatabase, _ statement: String) async throws -> Int {
        let rows = try await rows(database, statement)
        return try rows.first!.decode(column: "n", as: Int.self)
    }

    static func string(_ database: ConcordDatabase, _ statement: String, column: String) async throws -> String {
        let rows = try await rows(database, statement)
        return try rows.first!.decode(column: column, as: String.self)
    }

    /// A SQL string literal.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A fresh row id, stored as Fluent stores its own: text on SQLite, uuid on PostgreSQL.
    static func newID(_ database: ConcordDatabase) -> String {
        switch database.kind {
        case .sqlite: quoted(UUID().uuidString)
        case .postgres: quoted(UUID().uuidString) + "::uuid"
        }
    }

    /// Swaps the sequence numbers of two stored events, through a temporary value so the
    /// unique constraint on sequence holds after every statement.
    static func swapSequences(_ database: ConcordDatabase, _ first: Int64, _ second: Int64) async throws {
        try await TestDatabase.sql(database, "UPDATE dispute_events SET sequence = -1 WHERE sequence = \(first)")
        try await TestDatabase.sql(
            database, "UPDATE dispute_events SET sequence = \(first) WHERE sequence = \(second)")
        try await TestDatabase.sql(database, "UPDATE dispute_events SET sequence = \(second) WHERE sequence = -1")
    }

    /// Adds one to the sequence of every event from `sequence` on, leaving a gap there.
    static func shiftSequences(_ database: ConcordDatabase, from sequence: Int64) async throws {
        try await TestDatabase.sql(
            database, "UPDATE dispute_events SET sequence = -(sequence + 1) WHERE sequence >= \(sequence)")
        try await TestDatabase.sql(database, "UPDATE dispute_events SET sequence = -sequence WHERE sequence < 0")
    }

    /// Stores `event` with a fresh row id, as a forger would; its dispute id is copied from
    /// the stored event at `disputeOf`, so the backend's UUID representation need not be known.
    static func insert(
        _ event: ChainedEvent, disputeOf sequence: Int64, into database: ConcordDatabase
    )
        async throws
    {
        let content = event.content
        let disputeID = "(SELECT dispute_id FROM dispute_events WHERE sequence = \(sequence))"
        let values = [
            newID(database), String(event.sequence), disputeID, String(content.disputeVersion), quoted(content.type),
            quoted(content.actorID), quoted(content.actorName), quoted(content.recordedAt), quoted(content.payload),
            quoted(event.previousHash), quoted(event.hash),
        ]
        try await TestDatabase.sql(
            database,
            """
            INSERT INTO dispute_events (id, sequence, dispute_id, dispute_version, type, actor_id, actor_name,
              recorded_at, payload, previous_hash, hash) VALUES (\(values.joined(separator: ", ")))
            """)
    }

    static func setHead(_ database: ConcordDatabase, sequence: Int64, hash: String) async throws {
        try await TestDatabase.sql(
            database, "UPDATE event_chain_head SET last_sequence = \(sequence), last_hash = \(quoted(hash))")
    }
}
