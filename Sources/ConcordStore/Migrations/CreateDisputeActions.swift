import FluentKit
import SQLKit

/// Plan actions' due dates, agreed responses and stages' further clocks are deadlines too: the
/// sweep finds those due by date, and My work each person's own. Disputes already open get their rows from their events here.
struct CreateDisputeActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_actions")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("action_id", .string, .required)
            .field("kind", .string, .required)
            .field("action", .string, .required)
            .field("owner_id", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string, .required)
            // An indicative timescale's overdue notice goes to its owner only.
            .field("indicative", .bool, .required, .sql(.default(false)))
            .unique(on: "dispute_id", "action_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "dispute_actions_due_on").on("dispute_actions").column("due_on").run()
        try await sql.create(index: "dispute_actions_owner").on("dispute_actions").column("owner_id").column("due_on")
            .run()
        try await DisputeActionsBackfill.run(database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_actions").delete()
    }
}
