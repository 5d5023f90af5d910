import FluentKit

struct CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .id()
            .field("name", .string, .required)
            .field("type", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agencies").delete()
    }
}
