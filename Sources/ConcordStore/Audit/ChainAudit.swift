import FluentKit
import Foundation
import SQLKit
import Synchronization

/// Reads the whole event log in chain order, streaming, and verifies it.
public enum ChainAudit {
    public static func run(
        _ database: ConcordDatabase, expectedHead: String? = nil
    ) async throws
        -> ChainVerifier.Report
    {
        // One snapshot for the head and the events, so a write committing mid-audit is not
        // mistaken for tampering; readers never block writers.
        try await database.database.transaction { tx in
            if database.kind == .postgres {
                try await (tx as! any SQLDatabase).raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            return try await verify(tx, expectedHead: expectedHead)
        }
    }

    private static func verify(_ db: any Database, expectedHead: String?) async throws -> ChainVerifier.Report {
        let head = try await ChainHead.read(db)
        let sql = db as! any SQLDatabase
        let links = Mutex<[ChainVerifier.Link]>([])
        let failure = Mutex<(any Error)?>(nil)
        try await sql.select()
            .columns(
                "sequence", "dispute_id", "dispute_version", "type", "actor_id", "actor_name", "recorded_at", "payload",
                "previous_hash", "hash"
            )
            .from("dispute_events").orderBy("sequence")
            .run { row in
                do {
                    let link = ChainVerifier.Link(try event(row))
                    links.withLock { $0.append(link) }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        if let error = failure.withLock({ $0 }) { throw error }
        var report = ChainVerifier.verify(
            links: links.withLock { $0 }, head: (head.sequence, head.hash), expectedHead: expectedHead)
        for version in try await PolicyVersionModel.query(on: db).sort(\.$createdAt).all()
        where EventChain.sha256(version.yaml) != version.sha256 {
            report.findings.append(.policyEdited(policy: version.policyID, sha256: version.sha256))
        }
        return report
    }

    private static func event(_ row: any SQLRow) throws -> ChainedEvent {
        ChainedEvent(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            content: EventContent(
                disputeID: try row.decode(column: "dispute_id", as: UUID.self),
                disputeVersion: try row.decode(column: "dispute_version", as: Int.self),
                type: try row.decode(column: "type", as: String.self),
                actorID: try row.decode(column: "actor_id", as: String.self),
                actorName: try row.decode(column: "actor_name", as: String.self),
                recordedAt: try row.decode(column: "recorded_at", as: String.self),
                payload: try row.decode(column: "payload", as: String.self)),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
