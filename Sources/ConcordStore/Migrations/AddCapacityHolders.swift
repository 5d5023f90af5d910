import FluentKit
import SQLKit

/// Marks who is an Independent Reviewing Officer or an Early Help professional, as designated
/// leads are marked: protocols require people in these capacities, so only those the directory
/// says hold one may take part in it.
struct AddCapacityHolders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .field("independent_reviewing_officer", .bool, .required, .sql(.default(false)))
            .update()
        try await database.schema("people")
            .field("early_help_professional", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").deleteField("early_help_professional").update()
        try await database.schema("people").deleteField("independent_reviewing_officer").update()
    }
}
