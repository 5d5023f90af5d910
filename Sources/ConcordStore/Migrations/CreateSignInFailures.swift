import FluentKit
import SQLKit

/// Failed sign-ins, by e-mail address and by client address, so that throttling holds across
/// every server sharing the database.
struct CreateSignInFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "sign_in_failures_by_key")
            .on("sign_in_failures").column("key").column("failed_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_failures").delete()
    }
}
