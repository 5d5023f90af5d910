import FluentKit

/// Where a partnership allows full message content, and who prefers one message a day.
struct CreateMailSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partnership_secure_domains")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("domain", .string, .required)
            .unique(on: "partnership_id", "domain")
            .create()
        try await database.schema("mail_preferences")
            .field("person_id", .uuid, .identifier(auto: false), .references("people", "id"))
            .field("daily_digest", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_preferences").delete()
        try await database.schema("partnership_secure_domains").delete()
    }
}
