import SQLKit

/// Triggers by which the database itself refuses to change or remove a table's rows, so no
/// code path can do it by mistake. Someone with rights to drop them can still tamper; for
/// dispute events, `concord audit verify` is what catches that.
enum AppendOnly {
    static func guardTable(_ table: String, _ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            for action in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: action.lowercased()) BEFORE \(unsafeRaw: action) \
                    ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: table) is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: table) is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table) \
                FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: table)_no_truncate BEFORE TRUNCATE ON \(unsafeRaw: table) \
                FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """
            ).run()
        }
    }

    static func dropGuard(_ table: String, _ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_no_delete").run()
        } else {
            try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: table)_append_only() CASCADE").run()
        }
    }
}
