import FluentKit

/// The chain's last sequence number and hash, in one row that every append locks, so events
/// are chained one at a time even with several servers.
struct CreateEventChainHead: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("event_chain_head")
            .field("id", .int, .identifier(auto: false))
            .field("last_sequence", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        try await EventChainHeadModel(lastSequence: 0, lastHash: EventChain.genesis).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_chain_head").delete()
    }
}
