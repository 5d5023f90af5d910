import FluentKit

/// Browser sessions, kept in the database so that several servers can share them. Only a
/// hash of each cookie's token is stored, so a copy of the table cannot be used to sign in.
struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("account_id", .uuid)
            .field("csrf_token", .string, .required)
            .field("created_at", .string, .required)
            .field("last_seen_at", .string, .required)
            .field("expires_at", .string, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("web_sessions").delete()
    }
}
