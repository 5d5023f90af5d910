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
            try await DisputePersonModel.query(on: tx).delete()
            try await DisputeModel.query(on: tx).delete()
            let ids = try await DisputeEventModel.query(on: tx).filter(\.$disputeVersion == 1).all(\.$disputeID)
            var result = Result(disputes: 0, events: 0)
            for start in stride(from: 0, to: ids.count, by: batchSize) {
                let batch = Array(ids[start..<min(start + batchSize, ids.count)])
                let rows = try await DisputeEventModel.query(on: tx).filter(\.$disputeID ~~ batch)
                    .sort(\.$disputeID).sort(\.$disputeVersion).all()
                var disputes: [DisputeModel] = []
                var people: [DisputePersonModel] = []
                for (id, events) in Dictionary(grouping: rows, by: \.disputeID) {
                    let history = try events.sorted { $0.disputeVersion < $1.disputeVersion }.map {
                        try $0.chained.decoded()
                    }
                    guard let state = DisputeState.replay(history) else { continue }
                    let model = DisputeModel()
                    DisputeProjection.fill(model, from: state, id: id)
                    disputes.append(model)
                    people += DisputeProjection.people(state, id: id)
                    result.events += events.count
                }
                try await disputes.create(on: tx)
                try await people.create(on: tx)
                result.disputes += disputes.count
            }
            return result
        }
    }
}
