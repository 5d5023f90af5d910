import FluentKit
import SQLKit

/// Every change to a partnership's themes, tags and actions, who made it and when. The
/// database refuses to change or remove a row, as it does for dispute events.
struct CreateLearningHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("learning_history")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("theme_id", .uuid)
            .field("action_id", .uuid)
            .field("dispute_id", .uuid)
            .field("point_key", .string)
            .field("change", .string, .required)
            .field("account_id", .uuid, .required)
            .field("account_name", .string, .required)
            .field("recorded_at", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        for (name, column) in [("theme", "theme_id"), ("action", "action_id"), ("point", "dispute_id")] {
            try await sql.create(index: "learning_history_\(name)").on("learning_history").column(column)
                .column("recorded_at").run()
        }
        try await AppendOnly.guardTable("learning_history", sql)
    }

    func revert(on database: any Database) async throws {
        try await AppendOnly.dropGuard("learning_history", database as! any SQLDatabase)
        try await database.schema("learning_history").delete()
    }
}
