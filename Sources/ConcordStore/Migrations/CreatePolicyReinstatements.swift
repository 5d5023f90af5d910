import FluentKit

/// Each time an administrator made an earlier policy version current again, by whom: the
/// version then counts as installed at that moment, and nothing about it is rewritten.
struct CreatePolicyReinstatements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("policy_reinstatements")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("sha256", .string, .required)
            .field("account_id", .uuid, .required)
            .field("account_name", .string, .required)
            .field("reinstated_at", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("policy_reinstatements").delete()
    }
}
