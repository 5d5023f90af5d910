import ConcordCore
import FluentKit
import Foundation

extension DisputeAccess {
    /// The disputes Concord has written to the person about; with `urgentOnly`, those it alerted
    /// them about at once, which need their action.
    static func writtenTo(_ db: any Database, person: UUID, urgentOnly: Bool = false) async throws -> Set<UUID> {
        var query = OutboxMessageModel.query(on: db).filter(\.$personID == person).filter(\.$disputeID != nil)
        if urgentOnly { query = query.filter(\.$urgent == true) }
        return Set(try await query.unique().all(\.$disputeID).compactMap { $0 })
    }

    static func writtenTo(_ db: any Database, person: UUID, dispute: UUID) async throws -> Bool {
        try await OutboxMessageModel.query(on: db).filter(\.$personID == person).filter(\.$disputeID == dispute)
            .first() != nil
    }

    /// The disputes the person was alerted about at once (significant harm, a colleague telling
    /// their line manager it is not resolved): in their work until they close.
    public static func alerted(_ database: ConcordDatabase, person: UUID) async throws -> Set<UUID> {
        try await writtenTo(database.database, person: person, urgentOnly: true)
    }
}
