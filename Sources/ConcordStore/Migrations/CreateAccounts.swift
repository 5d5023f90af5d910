import FluentKit

/// Sign-in accounts. A person in the directory need not have one; an account for a
/// practitioner or manager names the person it acts as in disputes.
struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("person_id", .uuid)
            .field("partnership_id", .uuid)
            .field("disabled", .bool, .required)
            .field("created_at", .string, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").delete()
    }
}
