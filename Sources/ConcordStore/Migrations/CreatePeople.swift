import FluentKit

/// People taking part in disputes and their line management; a person need not have a sign-in.
struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .id()
            .field("name", .string, .required)
            .field("email", .string)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("level", .string, .required)
            .field("line_manager_id", .uuid, .references("people", "id"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").delete()
    }
}
