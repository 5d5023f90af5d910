import FluentKit
import SQLKit

/// Everyone above each person, for need to know by line management; filled from the
/// directory as it stands.
struct CreateLineManagement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("line_management")
            .id()
            .field("person_id", .string, .required)
            .field("manager_id", .string, .required)
            .unique(on: "manager_id", "person_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "line_management_person").on("line_management").column("person_id").run()
        try await LineManagement.rebuild(database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("line_management").delete()
    }
}
