import FluentKit
import Foundation

/// Secrets that every server sharing the database signs with, made once here so that a form
/// served by one server is accepted by another.
struct CreateServerKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("server_keys")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await ServerKeyModel(name: ServerKeys.formsName, value: ServerKeys.randomKey()).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("server_keys").delete()
    }
}
