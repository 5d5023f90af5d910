import FluentKit
import SQLKit

/// The projection tables' own indexes, set aside while a rebuild rewrites every row and made
/// again from their stored definitions afterwards: keeping each index in order row by row cost
/// more than writing the rows. Indexes behind a unique constraint stay, so the rebuild is still
/// checked by them; everything happens inside the rebuild's transaction, so a failure leaves
/// the indexes as they were.
enum ProjectionIndexes {
    static let tables = [
        "disputes", "dispute_people", "dispute_actions", "dispute_agencies", "dispute_search_terms",
        "dispute_stage_visits", "dispute_learning",
    ]

    /// Drops the indexes and returns the statements that make them again.
    static func setAside(_ db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let names = tables.map { "'\($0)'" }.joined(separator: ", ")
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? """
            SELECT name, sql AS definition FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(unsafeRaw: names))
            """
            : """
            SELECT indexname AS name, indexdef AS definition FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename IN (\(unsafeRaw: names))
            AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """
        let rows = try await sql.raw(query).all()
        var definitions: [String] = []
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            definitions.append(try row.decode(column: "definition", as: String.self))
            try await sql.raw("DROP INDEX \(ident: name)").run()
        }
        return definitions
    }

    static func restore(_ definitions: [String], _ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for definition in definitions { try await sql.raw("\(unsafeRaw: definition)").run() }
    }
}
