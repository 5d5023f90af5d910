import ConcordCore
import Foundation
import SQLKit

/// Lists of disputes, paged, counted and tallied in SQL within what the account may see.
public enum DisputeList {
    public static func page(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> DisputeListPage {
        guard var clauses = filters(query, account: account, window: window) else {
            return DisputeListPage(rows: [], next: nil, previous: nil)
        }
        let backwards = query.before != nil
        if let cursor = query.before ?? query.after {
            clauses.append(keyset(cursor, query.sort, forwards: !backwards))
        }
        let select: SQLQueryString = """
            SELECT \(DisputeQueries.qualifiedColumns) \
            FROM disputes d WHERE \(clauses.joined(separator: " AND ")) \
            ORDER BY \(unsafeRaw: order(query.sort, forwards: !backwards)) LIMIT \(literal: query.pageSize + 1)
            """
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
        guard let clauses = filters(query, account: account, window: window) else { return 0 }
        let select: SQLQueryString = "SELECT COUNT(*) AS n FROM disputes d WHERE \(clauses.joined(separator: " AND "))"
        return try await sql(database).raw(select).first()?.decode(column: "n", as: Int.self) ?? 0
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
        guard var clauses = filters(query, account: account, window: window) else { return [] }
        clauses.append("d.status = \(bind: DisputeStatus.open.rawValue)")
        let select: SQLQueryString = """
            SELECT d.policy_id, d.current_stage, COUNT(*) AS n, \
            SUM(CASE WHEN \(overdue(window)) THEN 1 ELSE 0 END) AS overdue, \
            SUM(CASE WHEN \(dueSoon(window)) THEN 1 ELSE 0 END) AS soon \
            FROM disputes d WHERE \(clauses.joined(separator: " AND ")) GROUP BY d.policy_id, d.current_stage
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

    /// How many disputes the query matches in each status, and how many open ones are overdue.
    public struct StatusTally: Hashable, Sendable {
        public var byStatus: [DisputeStatus: Int] = [:]
        public var overdue = 0

        public var total: Int { byStatus.values.reduce(0, +) }
        public var open: Int { byStatus[.open] ?? 0 }
    }

    public static func statusTally(
        _ database: ConcordDatabase, _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) async throws -> StatusTally {
        guard let clauses = filters(query, account: account, window: window) else { return StatusTally() }
        let select: SQLQueryString = """
            SELECT d.status, COUNT(*) AS n, SUM(CASE WHEN \(overdue(window)) THEN 1 ELSE 0 END) AS overdue \
            FROM disputes d WHERE \(clauses.joined(separator: " AND ")) GROUP BY d.status
            """
        var tally = StatusTally()
        for row in try await sql(database).raw(select).all() {
            guard let status = DisputeStatus(rawValue: try row.decode(column: "status", as: String.self)) else {
                continue
            }
            tally.byStatus[status] = try row.decode(column: "n", as: Int.self)
            tally.overdue += try row.decode(column: "overdue", as: Int?.self) ?? 0
        }
        return tally
    }

    private static func sql(_ database: ConcordDatabase) -> any SQLDatabase {
        database.database as! any SQLDatabase
    }

    private static func column(_ sort: DisputeListQuery.Sort) -> String {
        switch sort {
        case .deadline: "next_due"
        case .reference: "reference"
        case .raised: "raised_on"
        }
    }

    /// Raised is newest first; the others ascend. Going backwards reverses either.
    private static func ascending(_ sort: DisputeListQuery.Sort, forwards: Bool) -> Bool {
        (sort != .raised) == forwards
    }

    private static func order(_ sort: DisputeListQuery.Sort, forwards: Bool) -> String {
        let direction = ascending(sort, forwards: forwards) ? "ASC" : "DESC"
        guard sort != .reference else { return "d.reference \(direction)" }
        return "d.\(column(sort)) \(direction), d.reference \(direction)"
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
        }
    }
}
