import FluentKit

/// Which agencies belong to which partnerships; an agency can serve several.
struct CreatePartnershipAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partnership_agencies")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id", onDelete: .cascade))
            .field("agency_id", .uuid, .required, .references("agencies", "id", onDelete: .cascade))
            .unique(on: "partnership_id", "agency_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("partnership_agencies").delete()
    }
}
