import FluentKit
import Foundation

final class DisputeEventModel: Model, @unchecked Sendable {
    static let schema = "dispute_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "dispute_id") var disputeID: UUID
    @Field(key: "dispute_version") var disputeVersion: Int
    @Field(key: "type") var type: String
    @Field(key: "actor_id") var actorID: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "recorded_at") var recordedAt: String
    @Field(key: "payload") var payload: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ row: ChainedEvent) {
        self.sequence = row.sequence
        self.disputeID = row.content.disputeID
        self.disputeVersion = row.content.disputeVersion
        self.type = row.content.type
        self.actorID = row.content.actorID
        self.actorName = row.content.actorName
        self.recordedAt = row.content.recordedAt
        self.payload = row.content.payload
        self.previousHash = row.previousHash
        self.hash = row.hash
    }
}

final class EventChainHeadModel: Model, @unchecked Sendable {
    static let schema = "event_chain_head"
    @ID(custom: .id, generatedBy: .user) var id: Int?
    @Field(key: "last_sequence") var lastSequence: Int64
    @Field(key: "last_hash") var lastHash: String

    init() {}

    init(lastSequence: Int64, lastHash: String) {
        self.id = 1
        self.lastSequence = lastSequence
        self.lastHash = lastHash
    }
}
