import FluentKit
import SQLKit

/// Disputes raised before reports get their outcome columns and stage visits from their events.
/// A batch at a time, each in a transaction; the migrator records none of it until the end, so
/// a run cut short starts again from nothing rather than on a duplicate visit.
struct FillDisputeOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await DisputeStageVisitModel.query(on: database).delete()
        let ids = try await DisputeModel.query(on: database).all(\.$id).compactMap { $0 }
        try await ProjectionRebuilder.eachState(of: ids, database) { states in
            try await database.transaction { tx in
                let sql = tx as! any SQLDatabase
                for (id, state) in states {
                    let model = DisputeModel()
                    DisputeProjection.fillOutcome(model, from: state)
                    try await sql.update("disputes")
                        .set("raising_agency_id", to: model.raisingAgencyID).set("ended_how", to: model.endedHow)
                        .set("ended_on", to: model.endedOn).set("referral_route", to: model.referralRoute)
                        .set("acknowledgement_from", to: model.acknowledgementFrom)
                        .set("overall_from", to: model.overallFrom)
                        .where("id", .equal, id).run()
                }
                try await BulkInsert.insert(states.flatMap { DisputeProjection.stageVisits($1, id: $0) }, on: tx)
            }
        }
    }

    func revert(on database: any Database) async throws {}
}
