import FluentKit
import SQLKit

/// The directory's change counter. Every change to what `DirectorySnapshot` holds bumps it in
/// the change's own transaction, so a server that reads an unchanged number knows its snapshot
/// is current, whichever server made the last change.
enum DirectoryVersion {
    static let table = "directory_version"

    static func bump(_ db: any Database) async throws {
        try await (db as! any SQLDatabase).update(table)
            .set(
                SQLIdentifier("version"),
                to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1"))
            )
            .where("id", .equal, SQLBind(1)).run()
    }

    static func current(_ db: any Database) async throws -> Int64 {
        let row = try await (db as! any SQLDatabase).select().column("version").from(table)
            .where("id", .equal, SQLBind(1)).first()
        guard let row else { throw StoreError.notFound("the directory's version row (\(table))") }
        return try row.decode(column: "version", as: Int64.self)
    }
}
