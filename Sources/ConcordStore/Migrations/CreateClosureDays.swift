import FluentKit

/// Days a partnership's offices are shut (e.g. 27–31 December), which are not working days.
struct CreateClosureDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partnership_closure_days")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id", onDelete: .cascade))
            .field("day", .string, .required)
            .unique(on: "partnership_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partnership_closure_days").delete()
    }
}
