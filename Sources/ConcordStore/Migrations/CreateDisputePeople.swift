import FluentKit

/// Who takes part in each dispute, projected from its events, for need-to-know queries.
struct CreateDisputePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_people")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("person_id", .string, .required)
            .field("side", .string, .required)
            .field("capacity", .string)
            .unique(on: "dispute_id", "person_id", "capacity")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_people").delete()
    }
}
