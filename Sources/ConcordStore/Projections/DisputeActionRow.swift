import ConcordCore
import Foundation
import SQLKit

/// A watched action of an open dispute, with the dispute it belongs to.
public struct DisputeActionRow: Sendable {
    public var disputeID: UUID
    public var partnershipID: UUID
    public var reference: String
    public var action: WatchedAction

    /// A person's own actions on open disputes, soonest first, from the owner index.
    public static func owned(by person: UUID, _ database: ConcordDatabase) async throws -> [DisputeActionRow] {
        try await load(
            "a.owner_id = \(bind: person.uuidString) AND d.status = 'open' ORDER BY a.due_on, d.reference, a.action_id",
            database.database as! any SQLDatabase)
    }

    /// A partnership's watched actions due on or before a day, from the due-date index.
    static func due(
        partnership: UUID, upTo latest: LocalDate, _ sql: any SQLDatabase
    ) async throws
        -> [DisputeActionRow]
    {
        try await load(
            """
            a.due_on <= \(bind: latest.iso) AND d.partnership_id = \(bind: partnership) AND d.status = 'open'
            ORDER BY a.dispute_id, a.due_on, a.action_id
            """, sql)
    }

    private static func load(_ condition: SQLQueryString, _ sql: any SQLDatabase) async throws -> [DisputeActionRow] {
        let query: SQLQueryString = """
            SELECT a.dispute_id, d.partnership_id, d.reference, a.action_id, a.kind, a.action, a.owner, a.due_on, a.indicative
            FROM dispute_actions a JOIN disputes d ON d.id = a.dispute_id
            WHERE \(condition)
            """
        return try await sql.raw(query).all().compactMap { row in
            guard let due = LocalDate(iso: try row.decode(column: "due_on", as: String.self)),
                let kind = WatchedAction.Kind(rawValue: try row.decode(column: "kind", as: String.self))
            else { return nil }
            let owner = try JSONDecoder().decode(
                PersonRef.self, from: Data(try row.decode(column: "owner", as: String.self).utf8))
            return DisputeActionRow(
                disputeID: try row.decode(column: "dispute_id", as: UUID.self),
                partnershipID: try row.decode(column: "partnership_id", as: UUID.self),
                reference: try row.decode(column: "reference", as: String.self),
                action: WatchedAction(
                    id: try row.decode(column: "action_id", as: String.self), kind: kind,
                    action: try row.decode(column: "action", as: String.self), owner: owner, due: due,
                    indicative: try row.decode(column: "indicative", as: Bool.self)))
        }
    }
}
