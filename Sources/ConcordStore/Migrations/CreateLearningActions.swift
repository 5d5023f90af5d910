import FluentKit

/// What a partnership does about a theme's learning, with its owner and due date, until done.
struct CreateLearningActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("learning_actions")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("theme_id", .uuid, .required, .references("learning_themes", "id"))
            .field("action", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string, .required)
            .field("completed_on", .string)
            .field("outcome", .string)
            .field("created_on", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("learning_actions").delete()
    }
}
