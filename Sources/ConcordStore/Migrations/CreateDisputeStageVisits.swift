import FluentKit
import SQLKit

/// Each dispute's visits to its stages, with the day each finished and its deadline, so a
/// report counts timeliness with SQL rather than by replaying events.
struct CreateDisputeStageVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dispute_stage_visits")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("position", .int, .required)
            .field("stage", .string, .required)
            .field("entered_on", .string, .required)
            .field("finished_on", .string)
            .field("deadline", .string)
            .unique(on: "dispute_id", "position")
            .create()
        // Everything a report reads of a visit, so its rows are never fetched.
        try await (database as! any SQLDatabase).create(index: "dispute_stage_visits_report")
            .on("dispute_stage_visits").column("dispute_id").column("stage").column("entered_on")
            .column("finished_on").column("deadline").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_stage_visits").delete()
    }
}
