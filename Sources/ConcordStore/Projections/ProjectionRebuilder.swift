import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// Throws the projections away and derives them again from the event log, a batch of
/// disputes at a time so memory stays bounded however long the log is.
public enum ProjectionRebuilder {
    public struct Result: Sendable {
        public var disputes: Int
        public var events: Int
    }

    public static func rebuild(_ database: ConcordDatabase, batchSize: Int = 500) async throws -> Result {
        try await database.database.transaction { tx in
            // Writers wait for the rebuild rather than update rows it is about to replace.
            _ = try await ChainHead.lock(tx)
            let indexes = try await ProjectionIndexes.setAside(tx)
            if database.kind == .sqlite {
                // Room for the rewritten tables in memory, so pages are
                // written once, at commit, rather than spilled part-way through and written again.
                try await (tx as! any SQLDatabase).raw("PRAGMA cache_size = -262144").run()
            }
            try await DisputeActionModel.query(on: tx).delete()
            try await DisputeStageVisitModel.query(on: tx).delete()
            try await DisputeLearningModel.query(on: tx).delete()
            try await DisputeAgencyModel.query(on: tx).delete()
            try await DisputeSearchTermModel.query(on: tx).delete()
            try await DisputePersonModel.query(on: tx).delete()
            try await DisputeModel.query(on: tx).delete()
            let ids = try await (tx as! any SQLDatabase).select().column("dispute_id").from("dispute_events")
                .where("dispute_version", .equal, 1).all(decodingColumn: "dispute_id", as: UUID.self)
            var result = Result(disputes: 0, events: 0)
            try await eachState(of: ids, batchSize: batchSize, tx) { states in
                try await write(states, tx)
                result.disputes += states.count
                result.events += states.map(\.1.version).reduce(0, +)
            }
            try await ProjectionIndexes.restore(indexes, tx)
            if database.kind == .sqlite {
                try await (tx as! any SQLDatabase).raw(
                    "PRAGMA cache_size = \(unsafeRaw: String(ConcordDatabase.sqliteCacheKiB))"
                ).run()
            }
            return result
        }
    }

    /// Every projection row of the disputes, written in as few statements as the database allows.
    static func write(_ states: [(UUID, DisputeState)], _ db: any Database) async throws {
        var disputes: [DisputeModel] = []
        var people: [DisputePersonModel] = []
        var actions: [DisputeActionModel] = []
        var agencies: [DisputeAgencyModel] = []
        var terms: [DisputeSearchTermModel] = []
        var visits: [DisputeStageVisitModel] = []
        var learning: [DisputeLearningModel] = []
        for (id, state) in states {
            let model = DisputeModel()
            DisputeProjection.fill(model, from: state, id: id)
            disputes.append(model)
            people += DisputeProjection.people(state, id: id)
            actions += DisputeProjection.actions(state, id: id)
            agencies += DisputeProjection.agencies(state, id: id)
            terms += DisputeProjection.searchTerms(state, id: id)
            visits += DisputeProjection.stageVisits(state, id: id)
            learning += DisputeProjection.learning(state, id: id)
        }
        try await BulkInsert.insert(disputes, on: db)
        try await BulkInsert.insert(people, on: db)
        try await BulkInsert.insert(actions, on: db)
        try await BulkInsert.insert(agencies, on: db)
        try await BulkInsert.insert(terms, on: db)
        try await BulkInsert.insert(visits, on: db)
        try await BulkInsert.insert(learning, on: db)
    }

    /// Replays the disputes a batch at a time, handing each batch's states on. A batch is a
    /// range of ids in the database's own order, read with one query; its events are decoded
    /// and replayed on every core.
    static func eachState(
        of ids: [UUID], batchSize: Int = 500, _ db: any Database,
        _ body: ([(UUID, DisputeState)]) async throws -> Void
    ) async throws {
        // Both databases order ids as their upper-case text does.
        let ids = ids.sorted { $0.uuidString < $1.uuidString }
        // While one batch is written, the next is decoded and replayed on the other cores.
        var replaying: Task<[(UUID, DisputeState)], any Error>?
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let batch = ids[start..<min(start + batchSize, ids.count)]
            let histories = try await histories(of: batch, db)
            let next = Task { try await replay(histories) }
            if let replaying { try await body(try await replaying.value) }
            replaying = next
        }
        if let replaying { try await body(try await replaying.value) }
    }

    /// Each dispute's events, in order, read with one query over the batch's range of ids.
    private static func histories(of batch: ArraySlice<UUID>, _ db: any Database) async throws -> [[ChainedEvent]] {
        let wanted = Set(batch)
        let events = try await EventRows.all(.disputes(from: batch.first!, through: batch.last!), db)
        var histories: [[ChainedEvent]] = []
        for event in events where wanted.contains(event.content.disputeID) {
            if histories.last?.last?.content.disputeID == event.content.disputeID {
                histories[histories.count - 1].append(event)
            } else {
                histories.append([event])
            }
        }
        return histories
    }

    private static func replay(_ histories: [[ChainedEvent]]) async throws -> [(UUID, DisputeState)] {
        try await histories.concurrentMap { events -> (UUID, DisputeState)? in
            guard let id = events.first?.content.disputeID,
                let state = DisputeState.replay(try events.map { try $0.decoded() })
            else { return nil }
            return (id, state)
        }.compactMap { $0 }
    }
}

/// Fills the watched actions of disputes that were open before they were projected.
enum DisputeActionsBackfill {
    static func run(_ db: any Database) async throws {
        let open = try await DisputeModel.query(on: db).filter(\.$status == DisputeStatus.open.rawValue).all(\.$id)
        try await ProjectionRebuilder.eachState(of: open.compactMap { $0 }, db) { states in
            try await states.flatMap { id, state in DisputeProjection.actions(state, id: id) }.create(on: db)
        }
    }
}
