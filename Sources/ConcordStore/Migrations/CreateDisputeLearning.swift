import FluentKit
import SQLKit

/// Each dispute's learning points, derived from its events like the other projections, so the
/// business office gathers a period's learning with SQL rather than by replaying disputes.
struct CreateDisputeLearning: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_learning")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("partnership_id", .uuid, .required)
            .field("point_key", .string, .required)
            .field("source", .string, .required)
            .field("stage", .string)
            .field("recorded_on", .string, .required)
            .field("text", .string, .required)
            .field("policy_changes", .string)
            .unique(on: "dispute_id", "point_key")
            .create()
        try await (database as! any SQLDatabase).create(index: "dispute_learning_period")
            .on("dispute_learning").column("partnership_id").column("recorded_on").column("dispute_id")
            .column("point_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_learning").delete()
    }
}
