import FluentKit

/// Disputes raised before lists paged in SQL get their next deadline, agencies and search
/// terms from their events.
struct FillDisputeListProjections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let ids = try await DisputeModel.query(on: database).all(\.$id).compactMap { $0 }
        try await ProjectionRebuilder.eachState(of: ids, database) { states in
            for (id, state) in states {
                guard let model = try await DisputeModel.find(id, on: database) else { continue }
                model.nextDue = DisputeListOrder.nextDue(state)
                try await model.save(on: database)
            }
            try await states.flatMap { DisputeProjection.agencies($1, id: $0) }.create(on: database)
            try await states.flatMap { DisputeProjection.searchTerms($1, id: $0) }.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {}
}
