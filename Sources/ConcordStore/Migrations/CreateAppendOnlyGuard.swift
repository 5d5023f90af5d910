import FluentKit
import SQLKit

/// The database itself refuses to change or remove a written event, so no code path can do it
/// by mistake. Someone with rights to drop the guard can still tamper; `concord audit verify`
/// is what catches that.
struct CreateAppendOnlyGuard: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            for action in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER dispute_events_no_\(unsafeRaw: action.lowercased()) BEFORE \(unsafeRaw: action) \
                    ON dispute_events BEGIN SELECT RAISE(ABORT, 'dispute_events is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION dispute_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'dispute_events is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER dispute_events_append_only BEFORE UPDATE OR DELETE ON dispute_events \
                FOR EACH ROW EXECUTE FUNCTION dispute_events_append_only()
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER dispute_events_no_truncate BEFORE TRUNCATE ON dispute_events \
                FOR EACH STATEMENT EXECUTE FUNCTION dispute_events_append_only()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS dispute_events_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS dispute_events_no_delete").run()
        } else {
            try await sql.raw("DROP FUNCTION IF EXISTS dispute_events_append_only() CASCADE").run()
        }
    }
}
