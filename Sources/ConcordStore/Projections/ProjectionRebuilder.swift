import ConcordCore
import FluentKit
import Foundation

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
            try await DisputeActionModel.query(on: tx).delete()
            try await DisputeAgencyModel.query(on: tx).delete()
            try await DisputeSearchTermModel.query(on: tx).delete()
            try await DisputePersonModel.query(on: tx).delete()
            try await DisputeModel.query(on: tx).delete()
            let ids = try await DisputeEventModel.query(on: tx).filter(\.$disputeVersion == 1).all(\.$disputeID)
            var result = Result(disputes: 0, events: 0)
            try await eachState(of: ids, batchSize: batchSize, tx) { states in
                try await write(states, tx)
                result.disputes += states.count
                result.events += states.map(\.1.version).reduce(0, +)
            }
            return result
        }
    }

    /// Every projection row of the disputes, written in as few statements as SQLite allows.
    static func write(_ states: [(UUID, DisputeState)], _ db: any Database) async throws {
        var disputes: [DisputeModel] = []
        var people: [DisputePersonModel] = []
        var actions: [DisputeActionModel] = []
        var agencies: [DisputeAgencyModel] = []
        var terms: [DisputeSearchTermModel] = []
        for (id, state) in states {
            let model = DisputeModel()
            DisputeProjection.fill(model, from: state, id: id)
            disputes.append(model)
            people += DisputeProjection.people(state, id: id)
            actions += DisputeProjection.actions(state, id: id)
            agencies += DisputeProjection.agencies(state, id: id)
            terms += DisputeProjection.searchTerms(state, id: id)
        }
        for chunk in disputes.chunked(1_000) { try await chunk.create(on: db) }
        for chunk in people.chunked(1_000) { try await chunk.create(on: db) }
        for chunk in actions.chunked(1_000) { try await chunk.create(on: db) }
        for chunk in agencies.chunked(1_000) { try await chunk.create(on: db) }
        for chunk in terms.chunked(1_000) { try await chunk.create(on: db) }
    }

    /// Replays the disputes a batch at a time, handing each batch's states on.
    static func eachState(
        of ids: [UUID], batchSize: Int = 500, _ db: any Database,
        _ body: ([(UUID, DisputeState)]) async throws -> Void
    ) async throws {
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            let rows = try await DisputeEventModel.query(on: db).filter(\.$disputeID ~~ batch)
                .sort(\.$disputeID).sort(\.$disputeVersion).all()
            var states: [(UUID, DisputeState)] = []
            for (id, events) in Dictionary(grouping: rows, by: \.disputeID) {
                let history = try events.sorted { $0.disputeVersion < $1.disputeVersion }.map {
                    try $0.chained.decoded()
                }
                if let state = DisputeState.replay(history) { states.append((id, state)) }
            }
            try await body(states)
        }
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
