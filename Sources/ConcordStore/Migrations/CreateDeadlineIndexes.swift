import FluentKit
import SQLKit

/// Finding every overdue deadline must not scan every dispute: index open disputes by each
/// kind of due date.
struct CreateDeadlineIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "disputes_status_stage_due").on("disputes").column("status").column("stage_due")
            .run()
        try await sql.create(index: "disputes_status_overall_due").on("disputes").column("status").column("overall_due")
            .run()
        try await sql.create(index: "disputes_status_acknowledgement_due").on("disputes").column("status")
            .column("acknowledgement_due").run()
        try await sql.create(index: "dispute_people_person").on("dispute_people").column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "disputes_status_stage_due").run()
        try await sql.drop(index: "disputes_status_overall_due").run()
        try await sql.drop(index: "disputes_status_acknowledgement_due").run()
        try await sql.drop(index: "dispute_people_person").run()
    }
}
