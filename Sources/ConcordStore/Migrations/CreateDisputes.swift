import FluentKit

/// The dispute list: a projection of the events, which can be thrown away and rebuilt.
struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("disputes")
            .id()
            .field("reference", .string, .required)
            .field("partnership_id", .uuid, .required)
            .field("policy_id", .string, .required)
            .field("policy_version", .string, .required)
            .field("scope", .string, .required)
            .field("category", .string, .required)
            .field("status", .string, .required)
            .field("current_stage", .string, .required)
            .field("stage_started_on", .string, .required)
            .field("stage_due", .string)
            .field("acknowledgement_due", .string)
            .field("acknowledged_on", .string)
            .field("overall_due", .string)
            .field("raised_on", .string, .required)
            .field("raised_by_id", .string, .required)
            .field("significant_harm", .bool, .required)
            .field("version", .int, .required)
            .field("last_event_at", .string, .required)
            .unique(on: "reference")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("disputes").delete()
    }
}
