import FluentKit
import SQLKit

/// Who opened or acted on each dispute, and when, for the partnership's business office.
struct CreateDisputeAccessLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_access_log")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("account_id", .uuid, .required)
            .field("account_name", .string, .required)
            .field("role", .string, .required)
            .field("action", .string, .required)
            .field("at", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "dispute_access_log_by_dispute")
            .on("dispute_access_log").column("dispute_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_access_log").delete()
    }
}
