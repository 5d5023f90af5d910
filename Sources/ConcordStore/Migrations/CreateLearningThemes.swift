import FluentKit
import SQLKit

/// The themes each partnership gathers its learning under. A theme is retired, never removed,
/// so learning given it keeps its meaning.
struct CreateLearningThemes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("learning_themes")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("title", .string, .required)
            .field("retired", .bool, .required)
            .field("created_at", .string, .required)
            .create()
        // The store checks titles in any case first; this stops two added at once.
        try await (database as! any SQLDatabase).raw(
            "CREATE UNIQUE INDEX learning_themes_title ON learning_themes (partnership_id, lower(title))"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("learning_themes").delete()
    }
}
