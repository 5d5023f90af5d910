import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Synchronization

/// Reads stored events straight from the database driver's rows. Decoding each column by name
/// through `Decodable` (SQLKit), or building a Fluent model per row, cost several times what
/// reading and hashing an event does: verifying and rebuilding a long log went almost entirely
/// on it.
enum EventRows {
    /// Which events, in which order; the SQL is fixed here, and the only values are bound.
    enum Selection {
        /// Every event, in the order of the chain.
        case all
        /// The events of the disputes whose ids lie between the two, by dispute and version.
        case disputes(from: UUID, through: UUID)
    }

    private static let columns =
        "sequence, dispute_id, dispute_version, type, actor_id, actor_name, recorded_at, payload, previous_hash, hash"

    /// Calls `body` with each event as the driver reads it, on the driver's thread.
    static func each(
        _ selection: Selection, _ db: any Database, _ body: @escaping @Sendable (ChainedEvent) throws -> Void
    ) async throws {
        let sqlite = db as? any SQLiteDatabase
        var sql = "SELECT \(columns) FROM dispute_events"
        switch selection {
        case .all: sql += " ORDER BY sequence"
        case .disputes:
            let (from, through) = sqlite == nil ? ("$1", "$2") : ("?1", "?2")
            sql += " WHERE dispute_id >= \(from) AND dispute_id <= \(through) ORDER BY dispute_id, dispute_version"
        }
        if let sqlite {
            var binds: [SQLiteData] = []
            if case .disputes(let from, let through) = selection {
                // Fluent stores a UUID in SQLite as its upper-case text.
                binds = [.text(from.uuidString), .text(through.uuidString)]
            }
            let failure = FirstError()
            // On the connection itself: its query calls back on the reading thread, where the
            // database's hops to an event loop for every row, which cost more than the row.
            try await sqlite.withConnection { [sql, binds] connection in
                try await connection.query(sql, binds) { row in
                    guard !failure.isSet else { return }
                    do { try body(try event(row)) } catch { failure.set(error) }
                }
            }
            try failure.rethrow()
        } else if let postgres = db as? any PostgresDatabase {
            var binds = PostgresBindings()
            if case .disputes(let from, let through) = selection {
                binds.append(from)
                binds.append(through)
            }
            let query = PostgresQuery(unsafeSQL: sql, binds: binds)
            let logger = db.logger
            try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    for try await row in try await connection.query(query, logger: logger) {
                        try body(try event(row))
                    }
                }
            }.get()
        } else {
            fatalError("Concord runs on SQLite or PostgreSQL only")
        }
    }

    /// The events selected, in order, in memory.
    static func all(_ selection: Selection, _ db: any Database) async throws -> [ChainedEvent] {
        let events = Locked<[ChainedEvent]>([])
        try await each(selection, db) { event in events.withLock { $0.append(event) } }
        return events.withLock { $0 }
    }

    private static func event(_ row: SQLiteRow) throws -> ChainedEvent {
        var values = row.columns.makeIterator()
        func next() throws -> SQLiteData {
            guard let column = values.next() else {
                throw StoreError.damagedEvent(sequence: 0, reason: "a column is missing")
            }
            return column.data
        }
        let sequence = Int64(try next().integer ?? 0)
        func text(_ name: String) throws -> String {
            guard case .text(let value) = try next() else {
                throw StoreError.damagedEvent(sequence: sequence, reason: "its \(name) is not text")
            }
            return value
        }
        guard let disputeID = uuid(try text("dispute id")), case .integer(let version) = try next() else {
            throw StoreError.damagedEvent(sequence: sequence, reason: "its dispute or version is malformed")
        }
        let content = EventContent(
            disputeID: disputeID, disputeVersion: version, type: try text("type"), actorID: try text("actor id"),
            actorName: try text("actor name"), recordedAt: try text("time"), payload: try text("content"))
        return ChainedEvent(
            sequence: sequence, content: content, previousHash: try text("previous hash"), hash: try text("hash"))
    }

    /// `UUID(uuidString:)` on Linux goes through `sscanf`, a tenth of the cost of verifying
    /// an event read from SQLite.
    private static func uuid(_ text: String) -> UUID? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        for (index, character) in text.utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard bytes.count == 16, high == nil, text.utf8.count == 36 else { return nil }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    private static func event(_ row: PostgresRow) throws -> ChainedEvent {
        let (sequence, disputeID, version, type, actorID, actorName, recordedAt, payload, previous, hash) =
            try row.decode((Int64, UUID, Int, String, String, String, String, String, String, String).self)
        return ChainedEvent(
            sequence: sequence,
            content: EventContent(
                disputeID: disputeID, disputeVersion: version, type: type, actorID: actorID, actorName: actorName,
                recordedAt: recordedAt, payload: payload),
            previousHash: previous, hash: hash)
    }
}

/// State a driver's row callback, which runs on the driver's thread, builds up.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try storage.withLock { try body(&$0) }
    }
}

/// The first error a driver's row callback met, which cannot throw, kept to throw afterwards.
final class FirstError: Sendable {
    private let storage = Mutex<(any Error)?>(nil)
    var isSet: Bool { storage.withLock { $0 != nil } }
    func set(_ error: any Error) { storage.withLock { $0 = $0 ?? error } }
    func rethrow() throws { if let error = storage.withLock({ $0 }) { throw error } }
}
