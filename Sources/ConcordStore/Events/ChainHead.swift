import FluentKit
import SQLKit

/// The last event's sequence number and hash. Reading it with a row lock is what makes
/// appends to the one chain take turns across connections and servers.
struct ChainHead: Sendable {
    var sequence: Int64
    var hash: String

    static func lock(_ db: any Database) async throws -> ChainHead {
        let sql = db as! any SQLDatabase
        // SQLite has no FOR UPDATE: a write takes its file lock now, so another process's
        // writer waits (busy timeout) instead of both reading the same head.
        if sql.dialect.name == "sqlite" {
            try await sql.raw("UPDATE event_chain_head SET last_sequence = last_sequence WHERE id = 1").run()
        }
        guard
            let row = try await sql.select().columns("last_sequence", "last_hash").from("event_chain_head")
                .where("id", .equal, 1).for(.update).first()
        else { throw StoreError.notFound("the event chain head") }
        return ChainHead(
            sequence: try row.decode(column: "last_sequence", as: Int64.self),
            hash: try row.decode(column: "last_hash", as: String.self))
    }

    static func read(_ db: any Database) async throws -> ChainHead {
        guard let model = try await EventChainHeadModel.find(1, on: db) else {
            throw StoreError.notFound("the event chain head")
        }
        return ChainHead(sequence: model.lastSequence, hash: model.lastHash)
    }

    func save(_ db: any Database) async throws {
        try await EventChainHeadModel.query(on: db).filter(\.$id == 1)
            .set(\.$lastSequence, to: sequence).set(\.$lastHash, to: hash).update()
    }
}
