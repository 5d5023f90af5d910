import FluentKit

/// The token of every dispute form that took effect, written in the same transaction as its
/// events, so that a form submitted twice takes effect once.
struct CreateFormSubmissions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("form_submissions")
            .field("token", .string, .identifier(auto: false))
            .field("dispute_id", .uuid, .required)
            .field("account_id", .uuid, .required)
            .field("submitted_at", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("form_submissions").delete()
    }
}
