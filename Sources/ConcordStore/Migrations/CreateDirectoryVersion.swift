import FluentKit
import SQLKit

/// One row counting the directory's changes, so every server can tell with one read whether
/// its copy of partnerships, agencies, people and policy versions is still the current one.
struct CreateDirectoryVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DirectoryVersion.table)
            .field("id", .int, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        try await (database as! any SQLDatabase).insert(into: DirectoryVersion.table)
            .columns("id", "version").values(SQLBind(1), SQLBind(Int64(0))).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DirectoryVersion.table).delete()
    }
}
