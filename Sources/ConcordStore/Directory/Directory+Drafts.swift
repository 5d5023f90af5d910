import ConcordCore
import FluentKit
import Foundation

extension Directory {
    /// A policy being written in the editor, with the protocol's text its quotes come from.
    public struct StoredDraft: Hashable, Sendable {
        public var id: UUID
        public var partnership: UUID
        public var yaml: String
        public var source: String
        public var updatedBy: String
        public var updatedAt: Date
    }

    public func drafts(partnership: UUID) async throws -> [StoredDraft] {
        try await PolicyDraftModel.query(on: database.database).filter(\.$partnershipID == partnership)
            .sort(\.$updatedAt, .descending).all().map(Self.draft)
    }

    /// The draft, only when it belongs to the partnership, so a draft's id from another
    /// partnership finds nothing.
    public func draft(_ id: UUID, partnership: UUID) async throws -> StoredDraft? {
        try await PolicyDraftModel.query(on: database.database).filter(\.$id == id)
            .filter(\.$partnershipID == partnership).first().map(Self.draft)
    }

    public func createDraft(
        partnership: UUID, yaml: String, source: String, by author: String, at now: Date
    ) async throws -> UUID {
        let model = PolicyDraftModel(
            partnershipID: partnership, yaml: yaml, source: source, updatedBy: author,
            updatedAt: EventChain.timestamp(now))
        try await model.create(on: database.database)
        return try model.requireID()
    }

    public func saveDraft(
        _ id: UUID, partnership: UUID, yaml: String, source: String, by author: String, at now: Date
    ) async throws {
        guard
            let model = try await PolicyDraftModel.query(on: database.database).filter(\.$id == id)
                .filter(\.$partnershipID == partnership).first()
        else { throw StoreError.notFound("draft \(id)") }
        model.yaml = yaml
        model.source = source
        model.updatedBy = author
        model.updatedAt = EventChain.timestamp(now)
        try await model.save(on: database.database)
    }

    public func deleteDraft(_ id: UUID, partnership: UUID) async throws {
        try await PolicyDraftModel.query(on: database.database).filter(\.$id == id)
            .filter(\.$partnershipID == partnership).delete()
    }

    private static func draft(_ model: PolicyDraftModel) -> StoredDraft {
        StoredDraft(
            id: model.id ?? UUID(), partnership: model.partnershipID, yaml: model.yaml, source: model.source,
            updatedBy: model.updatedBy, updatedAt: EventChain.date(model.updatedAt) ?? Date(timeIntervalSince1970: 0))
    }
}
