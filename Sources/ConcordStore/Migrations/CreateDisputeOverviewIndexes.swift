import FluentKit
import SQLKit

/// Indexes that answer a partnership's overview and lists from the index alone, however many
/// years of disputes it holds: open disputes tallied by procedure and stage, and disputes in
/// the order they last changed. "Recently ended" is a handful of those changed in the last 30
/// days; the status in the index finds them without reading every recently changed row.
struct CreateDisputeOverviewIndexes: AsyncMigration {
    private static let indexes: [(name: String, columns: [String])] = [
        ("disputes_partnership_status_stage", ["partnership_id", "status", "policy_id", "current_stage", "next_due"]),
        ("disputes_partnership_last_event", ["partnership_id", "last_event_at", "reference", "status"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on("disputes")
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
