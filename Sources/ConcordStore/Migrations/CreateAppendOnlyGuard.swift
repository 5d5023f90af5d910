import FluentKit
import SQLKit

/// The database itself refuses to change or remove a written event, so no code path can do it
/// by mistake. Someone with rights to drop the guard can still tamper; `concord audit verify`
/// is what catches that.
struct CreateAppendOnlyGuard: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await AppendOnly.guardTable("dispute_events", database as! any SQLDatabase)
    }

    func revert(on database: any Database) async throws {
        try await AppendOnly.dropGuard("dispute_events", database as! any SQLDatabase)
    }
}
