import FluentKit

/// Policies being written in the editor, kept until installed or deleted: the YAML itself, and
/// the protocol's text that its quotes are picked from and checked against.
struct CreatePolicyDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("policy_drafts")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("yaml", .string, .required)
            .field("source", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("policy_drafts").delete()
    }
}
