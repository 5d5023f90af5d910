import FluentKit
import SQLKit

/// The words disputes are searched by. On PostgreSQL the term compares byte by byte, as on
/// SQLite, so a prefix is a range the index answers whatever the server's locale.
struct CreateDisputeSearchTerms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let text: DatabaseSchema.DataType =
            sql.dialect.name == "postgresql" ? .custom(SQLRaw("TEXT COLLATE \"C\"")) : .string
        try await database.schema("dispute_search_terms")
            .id()
            .field("dispute_id", .uuid, .required)
            .field("term", text, .required)
            .create()
        try await sql.create(index: "dispute_search_terms_term").on("dispute_search_terms").column("term")
            .column("dispute_id").run()
        try await sql.create(index: "dispute_search_terms_dispute").on("dispute_search_terms").column("dispute_id")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dispute_search_terms").delete()
    }
}
