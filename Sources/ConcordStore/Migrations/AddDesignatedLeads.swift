import FluentKit
import SQLKit

/// Marks each agency's designated safeguarding leads, whom Sunderland's protocol says must be
/// told at once of significant harm.
struct AddDesignatedLeads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .field("designated_lead", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("people").deleteField("designated_lead").update()
    }
}
