import FluentKit

struct CreatePartnerships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partnerships")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partnerships").delete()
    }
}
