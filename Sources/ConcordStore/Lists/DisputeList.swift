import ConcordCore
import Foundation
import SQLKit

/// Lists of disputes, paged, counted and tallied in SQL within what the account may see.
public enum DisputeList {
    public static func page(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> DisputeListPage {
        guard var parts = filters(query, account: account, window: window, on: database.kind) else {
            return DisputeListPage(rows: [], next: nil, previous: nil)
        }
        let backwards = query.before != nil
        if let cursor = query.before ?? query.after {
            for index in parts.indices { parts[index].clauses.append(keyset(cursor, query.sort, forwards: !backwards)) }
        }
        // Each part's page in the list's order, merged: the first page costs a page, not the
        // store. Each part is limited on its own too, or PostgreSQL, seeing a part that holds
        // most of the table, sorts all of it rather than read its index in order.
        let limit: SQLQueryString = " LIMIT \(literal: query.pageSize + 1)"
        let inner = order(query.sort, forwards: !backwards, table: "d.")
        let arms = parts.map { part -> SQLQueryString in
            "SELECT \(DisputeQueries.qualifiedColumns) FROM \(part.from) WHERE \(part.condition)"
                + " ORDER BY \(unsafeRaw: inner)" + limit
        }
        let select: SQLQueryString =
            arms.count == 1
            ? arms[0]
            : arms.enumerated().map { "SELECT * FROM (" + $1 + ") p\(unsafeRaw: String($0))" }
                .joined(separator: " UNION ALL ")
                + " ORDER BY \(unsafeRaw: order(query.sort, forwards: !backwards, table: ""))" + limit
        var rows = try await sql(database).raw(select).all().map(DisputeQueries.summary)
        let more = rows.count > query.pageSize
        rows = Array(rows.prefix(query.pageSize))
        if backwards { rows.reverse() }
        let first = rows.first.map { cursor($0, query.sort) }
        let last = rows.last.map { cursor($0, query.sort) }
        return DisputeListPage(
            rows: rows,
            next: backwards || more ? last : nil,
            previous: backwards ? (more ? first : nil) : (query.after == nil ? nil : first))
    }

    /// How many disputes the query matches, ignoring where the page starts.
    public static func count(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> Int {
        guard let parts = filters(query, account: account, window: window, on: database.kind) else { return 0 }
        let select: SQLQueryString = "SELECT " + count(parts) + " AS n"
        return try await sql(database).raw(select).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The parts' matches, where `also` holds, added up: the parts do not overlap.
    private static func count(_ parts: [Part], where also: SQLQueryString? = nil) -> SQLQueryString {
        let counts = parts.map { part -> SQLQueryString in
            "(SELECT COUNT(*) FROM \(part.from) WHERE \(part.condition)" + (also.map { " AND " + $0 } ?? "") + ")"
        }
        return counts.joined(separator: " + ")
    }

    /// Which of `ids` the account may see.
    public static func visibleIDs(
        _ database: ConcordDatabase, among ids: [UUID], account: Account
    ) async throws
        -> Set<UUID>
    {
        guard !ids.isEmpty, let visible = visibility(account) else { return [] }
        var result: Set<UUID> = []
        for chunk in ids.chunked(500) {
            let select: SQLQueryString = "SELECT d.id FROM disputes d WHERE d.id IN (\(binds: chunk)) AND \(visible)"
            for row in try await sql(database).raw(select).all() {
                result.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        return result
    }

    /// Open disputes by procedure and stage, with how many are overdue and due soon.
    public struct StageTally: Hashable, Sendable {
        public var policyID: String
        public var stage: String
        public var open: Int
        public var overdue: Int
        public var dueSoon: Int
    }

    public static func stageTallies(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> [StageTally] {
        guard var parts = filters(query, account: account, window: window, on: database.kind) else { return [] }
        for index in parts.indices { parts[index].clauses.append("d.status = \(bind: DisputeStatus.open.rawValue)") }
        let select: SQLQueryString = """
            SELECT d.policy_id, d.current_stage, COUNT(*) AS n, \
            SUM(CASE WHEN \(overdue(window)) THEN 1 ELSE 0 END) AS overdue, \
            SUM(CASE WHEN \(dueSoon(window)) THEN 1 ELSE 0 END) AS soon \
            FROM \(source(parts, "d.policy_id, d.current_stage, d.status, d.next_due, d.partnership_id")) \
            GROUP BY d.policy_id, d.current_stage
            """
        return try await sql(database).raw(select).all().map { row in
            StageTally(
                policyID: try row.decode(column: "policy_id", as: String.self),
                stage: try row.decode(column: "current_stage", as: String.self),
                open: try row.decode(column: "n", as: Int.self),
                overdue: try row.decode(column: "overdue", as: Int?.self) ?? 0,
                dueSoon: try row.decode(column: "soon", as: Int?.self) ?? 0)
        }
    }

    /// How many disputes the query matches, how many are open and how many overdue.
    public struct StatusTally: Hashable, Sendable {
        public var total = 0
        public var open = 0
        public var overdue = 0
    }

    /// Three counts rather than one GROUP BY: each is a range of an index, where grouping
    /// would read every matching row to sort it into a status.
    public static func statusTally(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> StatusTally {
        guard let parts = filters(query, account: account, window: window, on: database.kind) else {
            return StatusTally()
        }
        let select: SQLQueryString =
            "SELECT " + count(parts) + " AS total, "
            + count(parts, where: "d.status = \(bind: DisputeStatus.open.rawValue)") + " AS open, "
            + count(parts, where: overdue(window)) + " AS overdue"
        guard let row = try await sql(database).raw(select).first() else { return StatusTally() }
        return StatusTally(
            total: try row.decode(column: "total", as: Int.self), open: try row.decode(column: "open", as: Int.self),
            overdue: try row.decode(column: "overdue", as: Int.self))
    }

    /// The matching disputes as `d`, with the columns an aggregate needs: the table itself
    /// for one part, or the parts' rows together.
    private static func source(_ parts: [Part], _ columns: String) -> SQLQueryString {
        guard parts.count > 1 else { return parts[0].from + " WHERE " + parts[0].condition }
        let arms = parts.map { part -> SQLQueryString in
            "SELECT \(unsafeRaw: columns) FROM \(part.from) WHERE \(part.condition)"
        }
        return "(" + arms.joined(separator: " UNION ALL ") + ") d"
    }

    private static func sql(_ database: ConcordDatabase) -> any SQLDatabase {
        database.database as! any SQLDatabase
    }

    private static func column(_ sort: DisputeListQuery.Sort) -> String {
        switch sort {
        case .deadline: "next_due"
        case .reference: "reference"
        case .raised: "raised_on"
        case .changed: "last_event_at"
        }
    }

    /// Raised and changed are newest first; the others ascend. Going backwards reverses either.
    private static func ascending(_ sort: DisputeListQuery.Sort, forwards: Bool) -> Bool {
        !sort.newestFirst == forwards
    }

    /// `table` qualifies the columns, or is empty to order the result of a UNION.
    private static func order(_ sort: DisputeListQuery.Sort, forwards: Bool, table: String) -> String {
        let direction = ascending(sort, forwards: forwards) ? "ASC" : "DESC"
        guard sort != .reference else { return "\(table)reference \(direction)" }
        return "\(table)\(column(sort)) \(direction), \(table)reference \(direction)"
    }

    private static func keyset(
        _ cursor: DisputeCursor, _ sort: DisputeListQuery.Sort, forwards: Bool
    ) -> SQLQueryString {
        let beyond = ascending(sort, forwards: forwards) ? ">" : "<"
        guard sort != .reference else { return "d.reference \(unsafeRaw: beyond) \(bind: cursor.reference)" }
        let key = column(sort)
        return """
            (d.\(unsafeRaw: key) \(unsafeRaw: beyond) \(bind: cursor.key) OR (d.\(unsafeRaw: key) = \(bind: cursor.key) \
            AND d.reference \(unsafeRaw: beyond) \(bind: cursor.reference)))
            """
    }

    private static func cursor(_ row: DisputeSummary, _ sort: DisputeListQuery.Sort) -> DisputeCursor {
        switch sort {
        case .deadline: DisputeCursor(key: row.nextDue, reference: row.reference)
        case .reference: DisputeCursor(key: row.reference, reference: row.reference)
        case .raised: DisputeCursor(key: row.raisedOn, reference: row.reference)
        case .changed: DisputeCursor(key: row.lastEventAt, reference: row.reference)
        }
    }
}
