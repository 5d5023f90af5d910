import FluentKit

/// The days on which each partnership's deadlines were swept. Claiming the day is what lets
/// several servers, or a server and cron, sweep without sending anything twice.
struct CreateDeadlineSweeps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("deadline_sweeps")
            .id()
            .field("partnership_id", .uuid, .required)
            .field("day", .string, .required)
            .field("swept_at", .string, .required)
            .field("notices", .int, .required)
            .unique(on: "partnership_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deadline_sweeps").delete()
    }
}
