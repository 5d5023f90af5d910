import FluentKit
import SQLKit

/// The themes each learning point has been given. A point is named by its dispute and key, not
/// by a projection row, so the tags outlive a rebuild of the projections.
struct CreateLearningTags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("learning_tags")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("point_key", .string, .required)
            .field("theme_id", .uuid, .required, .references("learning_themes", "id"))
            .unique(on: "dispute_id", "point_key", "theme_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "learning_tags_theme")
            .on("learning_tags").column("theme_id").column("dispute_id").column("point_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("learning_tags").delete()
    }
}
