import FluentKit

/// The append-only event log: one hash chain over every dispute's events.
struct CreateDisputeEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_events")
            .id()
            .field("sequence", .int64, .required)
            .field("dispute_id", .uuid, .required)
            .field("dispute_version", .int, .required)
            .field("type", .string, .required)
            .field("actor_id", .string, .required)
            .field("actor_name", .string, .required)
            .field("recorded_at", .string, .required)
            .field("payload", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .unique(on: "dispute_id", "dispute_version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_events").delete()
    }
}
