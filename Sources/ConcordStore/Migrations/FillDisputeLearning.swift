import FluentKit

/// Disputes recorded before learning was gathered get their learning points from their events,
/// a batch at a time, each in a transaction; a run cut short starts again from nothing.
struct FillDisputeLearning: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DisputeLearningModel.query(on: database).delete()
        let ids = try await DisputeModel.query(on: database).all(\.$id).compactMap { $0 }
        try await ProjectionRebuilder.eachState(of: ids, database) { states in
            try await database.transaction { tx in
                try await BulkInsert.insert(states.flatMap { DisputeProjection.learning($1, id: $0) }, on: tx)
            }
        }
    }

    func revert(on database: any Database) async throws {}
}
