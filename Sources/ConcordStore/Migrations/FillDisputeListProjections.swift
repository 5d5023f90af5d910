import FluentKit
import SQLKit

/// Disputes raised before lists paged in SQL get their next deadline, agencies and search
/// terms from their events.
struct FillDisputeListProjections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let ids = try await DisputeModel.query(on: database).all(\.$id).compactMap { $0 }
        try await ProjectionRebuilder.eachState(of: ids, database) { states in
            // One column by SQL: the model has columns later migrations add.
            for (id, state) in states {
                try await sql.update("disputes").set("next_due", to: DisputeListOrder.nextDue(state))
                    .where("id", .equal, id).run()
            }
            try await states.flatMap { DisputeProjection.agencies($1, id: $0) }.create(on: database)
            try await states.flatMap { DisputeProjection.searchTerms($1, id: $0) }.create(on: database)
        }
    }

    func revert(on database: any Database) async throws {}
}
