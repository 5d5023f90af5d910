import ConcordCore
import ConcordStore
import FluentKit
import Foundation
import Logging
import SQLKit

/// Append throughput through the real store, projection rebuild over a generated event log,
/// and the overdue query over a million open disputes. Needs an empty database.
struct StoreBenchmark {
    let url: DatabaseURL

    func run(events totalEvents: Int, openDisputes: Int) async throws {
        var logger = Logger(label: "concord.benchmarks")
        logger.logLevel = .warning
        let database = try await ConcordDatabase.open(url, logger: logger)
        try await database.migrate()
        let sql = database.database as! any SQLDatabase
        let head = try await sql.select().column("last_sequence").from("event_chain_head").first()
        guard try head?.decode(column: "last_sequence", as: Int64.self) == 0 else {
            print("the benchmark needs an empty database")
            exit(2)
        }
        print("Store on \(url)")
        let world = try await World.make(database)
        try await appends(world)
        try await rebuild(world, events: totalEvents)
        try await overdue(world, openDisputes: openDisputes)
        await database.shutdown()
    }

    private func appends(_ world: World) async throws {
        let store = DisputeStore(world.database)
        let count = 500
        var raised: [DisputeStore.Loaded] = []
        try await measure("events appended by raising disputes (2 events each)", count: count * 2) {
            for index in 0..<count {
                raised.append(try await store.raise(world.raise(index), partnership: world.partnership, at: world.now))
            }
        }
        try await measure("events appended by recording a discussion (1 event each)", count: count) {
            for dispute in raised {
                _ = try await store.perform(
                    world.discussion, on: dispute.id, expectedVersion: dispute.state.version, by: world.manager,
                    at: world.now)
            }
        }
    }

    /// Generates a log of disputes that each are raised, discussed, recorded and resolved,
    /// hashed into the chain as the store would, then times a full rebuild.
    private func rebuild(_ world: World, events totalEvents: Int) async throws {
        let sql = world.database.database as! any SQLDatabase
        let template = try world.templateEvents()
        let disputes = max(0, totalEvents - 1500) / template.count
        var head = try await sql.select().columns("last_sequence", "last_hash").from("event_chain_head").first()!
        var sequence = try head.decode(column: "last_sequence", as: Int64.self)
        var previous = try head.decode(column: "last_hash", as: String.self)
        let recordedAt = EventChain.timestamp(world.now)
        let columns = [
            "id", "sequence", "dispute_id", "dispute_version", "type", "actor_id", "actor_name", "recorded_at",
            "payload", "previous_hash", "hash",
        ]
        let generation = try await ContinuousClock().measure {
            var rows: [[any Encodable & Sendable]] = []
            for index in 0..<disputes {
                let id = UUID()
                for (offset, event) in template.enumerated() {
                    let payload = event.payload.replacingOccurrences(
                        of: World.templateReference, with: String(format: "GEN-%08d", index))
                    let content = EventContent(
                        disputeID: id, disputeVersion: offset + 1, type: event.type, actorID: world.manager.id,
                        actorName: world.manager.name, recordedAt: recordedAt, payload: payload)
                    let hash = EventChain.hash(content, previous: previous)
                    sequence += 1
                    rows.append([
                        UUID(), sequence, id, offset + 1, event.type, world.manager.id, world.manager.name, recordedAt,
                        payload, previous, hash,
                    ])
                    previous = hash
                }
                if rows.count >= 600 || index == disputes - 1 {
                    try await insert(rows, columns: columns, into: "dispute_events", sql)
                    rows.removeAll(keepingCapacity: true)
                }
            }
            try await sql.update("event_chain_head").set("last_sequence", to: sequence).set("last_hash", to: previous)
                .where("id", .equal, 1).run()
        }
        print(
            String(
                format: "(generated %d events for %d disputes in %.1f s)", Int(sequence), disputes, seconds(generation))
        )
        var result: ProjectionRebuilder.Result?
        let elapsed = try await ContinuousClock().measure {
            result = try await ProjectionRebuilder.rebuild(world.database)
        }
        print(
            String(
                format: "rebuild projections: %d events, %d disputes in %.1f s = %.0f events per second",
                result?.events ?? 0, result?.disputes ?? 0, seconds(elapsed),
                Double(result?.events ?? 0) / seconds(elapsed)))
        head = try await sql.select().column("last_sequence").from("event_chain_head").first()!
        let audit = try await ContinuousClock().measure { _ = try await ChainAudit.run(world.database) }
        print(String(format: "verify the chain: %.1f s", seconds(audit)))
    }

    /// Fills the dispute list to a million open disputes, a tenth of them overdue, and times
    /// listing every overdue stage.
    private func overdue(_ world: World, openDisputes: Int) async throws {
        let sql = world.database.database as! any SQLDatabase
        let existing = try await DisputeQueries.list(world.database, status: .open).count
        var random = SplitMix64(state: 7)
        let today = LocalDate(iso: "2027-03-01")!
        let columns = [
            "id", "reference", "partnership_id", "policy_id", "policy_version", "scope", "category", "status",
            "current_stage", "stage_started_on", "stage_due", "raised_on", "raised_by_id", "significant_harm",
            "version", "last_event_at",
        ]
        var rows: [[any Encodable & Sendable]] = []
        for index in 0..<max(0, openDisputes - existing) {
            let due = today.adding(
                days: random.next(in: 0...99) < 10 ? -random.next(in: 1...60) : random.next(in: 0...60))
            rows.append([
                UUID(), String(format: "OPEN-%08d", index), world.partnership, "oldham", "bench", "practice",
                "threshold", "open", "head-of-service", due.adding(days: -7).iso, due.iso, due.adding(days: -14).iso,
                world.manager.id, false, 3, "2027-01-01T12:00:00.000Z",
            ])
            if rows.count >= 1000 {
                try await insert(rows, columns: columns, into: "disputes", sql)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try await insert(rows, columns: columns, into: "disputes", sql)
        try await listOverdue(world.database, on: today)
    }

    /// Times the overdue listing alone, on a database an earlier `store` run filled.
    func overdueOnly() async throws {
        var logger = Logger(label: "concord.benchmarks")
        logger.logLevel = .warning
        let database = try await ConcordDatabase.open(url, logger: logger)
        try await listOverdue(database, on: LocalDate(iso: "2027-03-01")!)
        await database.shutdown()
    }

    private func listOverdue(_ database: ConcordDatabase, on today: LocalDate) async throws {
        var found = 0
        let elapsed = try await ContinuousClock().measure {
            found = try await DisputeQueries.overdue(database, on: today).count
        }
        let total = try await DisputeQueries.list(database, status: .open).count
        print(String(format: "list overdue stages: %d of %d open disputes in %.3f s", found, total, seconds(elapsed)))
    }

    private func insert(
        _ rows: [[any Encodable & Sendable]], columns: [String], into table: String, _ sql: any SQLDatabase
    )
        async throws
    {
        guard !rows.isEmpty else { return }
        var builder = sql.insert(into: table).columns(columns)
        for row in rows { builder = builder.values(row.map { SQLBind($0) }) }
        try await builder.run()
    }
}
