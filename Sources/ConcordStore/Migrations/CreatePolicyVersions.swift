import FluentKit

/// Every version of every partnership's policy is kept: its YAML text and that text's SHA-256,
/// which disputes record so a later version never changes a running one.
struct CreatePolicyVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("policy_versions")
            .id()
            .field("partnership_id", .uuid, .required, .references("partnerships", "id"))
            .field("policy_id", .string, .required)
            .field("sha256", .string, .required)
            .field("yaml", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "partnership_id", "sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("policy_versions").delete()
    }
}
