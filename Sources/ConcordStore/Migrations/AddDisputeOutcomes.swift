import FluentKit
import SQLKit

/// What the partnership's reports count for each dispute: the raising agency, how and when it
/// ended, and the days its acknowledgement and whole process are counted from.
struct AddDisputeOutcomes: AsyncMigration {
    static let columns = [
        "raising_agency_id", "ended_how", "ended_on", "referral_route", "acknowledgement_from", "overall_from",
    ]

    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds only one at a time.
        for column in Self.columns {
            try await database.schema("disputes").field(
                .definition(name: .key(.string(column)), dataType: .string, constraints: [])
            )
            .update()
        }
        let sql = database as! any SQLDatabase
        // The months' resolutions are counted by when they ended, whenever they were raised.
        try await sql.create(index: "disputes_partnership_ended").on("disputes").column("partnership_id")
            .column("ended_how").column("ended_on").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "disputes_partnership_ended").run()
        for column in Self.columns {
            try await database.schema("disputes").deleteField(.string(column)).update()
        }
    }
}
