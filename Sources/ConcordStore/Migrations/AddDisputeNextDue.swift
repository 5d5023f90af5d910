import FluentKit

/// The soonest deadline still running, so lists sort by it and find overdue disputes with an
/// index. `DisputeListOrder.noDeadline` for disputes with none, so every row has a place in the order.
struct AddDisputeNextDue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("disputes")
            .field("next_due", .string, .required, .sql(.default(DisputeListOrder.noDeadline)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("disputes").deleteField("next_due").update()
    }
}
