import FluentKit
import SQLKit

/// Lists page in SQL in each of their orders, within a partnership or across them, and need to
/// know reads who took part and who was written to by person.
struct CreateDisputeListIndexes: AsyncMigration {
    private static let indexes: [(name: String, table: String, columns: [String])] = [
        ("disputes_partnership_next_due", "disputes", ["partnership_id", "next_due", "reference"]),
        ("disputes_partnership_raised", "disputes", ["partnership_id", "raised_on", "reference"]),
        ("disputes_partnership_reference", "disputes", ["partnership_id", "reference"]),
        ("disputes_partnership_status_next_due", "disputes", ["partnership_id", "status", "next_due"]),
        ("disputes_next_due", "disputes", ["next_due", "reference"]),
        ("disputes_raised", "disputes", ["raised_on", "reference"]),
        ("dispute_people_person_dispute", "dispute_people", ["person_id", "dispute_id"]),
        ("outbox_person_dispute", "outbox_messages", ["person_id", "dispute_id"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
