import FluentKit
import SQLKit

/// Which agencies each dispute is between, for the agency filter.
struct CreateDisputeAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_agencies")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("agency_id", .string, .required)
            .unique(on: "dispute_id", "agency_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "dispute_agencies_agency").on("dispute_agencies").column("agency_id")
            .column("dispute_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_agencies").delete()
    }
}
