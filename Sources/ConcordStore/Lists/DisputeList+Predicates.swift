import ConcordCore
import Foundation
import SQLKit

/// The WHERE clauses of a list, as SQL over `disputes d`. Need to know is one of them, so a
/// search or a count can only ever reach disputes the account may see.
extension DisputeList {
    /// Disputes to list from: `disputes d`, reached from `from`, where every clause holds.
    struct Part {
        var from: SQLQueryString
        var clauses: [SQLQueryString]

        var condition: SQLQueryString { clauses.joined(separator: " AND ") }
    }

    /// The disputes the account may see, in parts that do not overlap; nil when it may see
    /// none. A partnership-wide role's own partnership is one part, walked along an index in
    /// the list's order; whatever else the person may see is another, reached from their own
    /// few disputes. Joined by OR, the database would gather and sort every visible dispute.
    static func visibleParts(_ account: Account, within: UUID? = nil, on kind: ConcordDatabase.Kind) -> [Part]? {
        guard !account.disabled else { return nil }
        var personal = personal(account).map { part(of: $0, on: kind) }
        guard account.role.isPartnershipWide, let partnership = account.partnershipID else {
            return personal.map { [$0] }
        }
        let own = Part(from: "disputes d", clauses: ["d.partnership_id = \(bind: partnership)"])
        // Asked about one partnership, only one of the parts can hold any of its disputes.
        if within == partnership { return [own] }
        personal?.clauses.append("d.partnership_id <> \(bind: partnership)")
        let parts = (within == nil ? [own] : []) + (personal.map { [$0] } ?? [])
        return parts.isEmpty ? nil : parts
    }

    /// The disputes whose IDs `ids` gives, looked up one by one: a person's own are few. SQLite
    /// does so from a CROSS JOIN, which keeps it from walking a status index over the whole
    /// table; PostgreSQL joins whatever way its estimates favour, and read every dispute the other
    /// clauses allowed, so it is given the IDs as an array to look up.
    static func part(of ids: SQLQueryString, on kind: ConcordDatabase.Kind) -> Part {
        switch kind {
        case .sqlite: Part(from: "(" + ids + ") v CROSS JOIN disputes d", clauses: ["d.id = v.dispute_id"])
        case .postgres: Part(from: "disputes d", clauses: ["d.id = ANY(ARRAY(" + ids + "))"])
        }
    }

    /// The disputes the account may see, as one clause over `disputes d`; nil when it may see none.
    static func visibility(_ account: Account) -> SQLQueryString? {
        guard !account.disabled else { return nil }
        var reasons: [SQLQueryString] = []
        if let ids = personal(account) { reasons.append("d.id IN (" + ids + ")") }
        if account.role.isPartnershipWide, let partnership = account.partnershipID {
            reasons.append("d.partnership_id = \(bind: partnership)")
        }
        guard !reasons.isEmpty else { return nil }
        return "(" + reasons.joined(separator: " OR ") + ")"
    }

    /// The IDs, as `dispute_id`, of disputes someone below the person in line management, or
    /// the person, takes part in, and of those Concord wrote to the person about.
    private static func personal(_ account: Account) -> SQLQueryString? {
        guard let person = account.personID else { return nil }
        var sources: [SQLQueryString] = []
        if account.role.actsAsPerson {
            sources.append(
                "SELECT dp.dispute_id FROM dispute_people dp WHERE dp.person_id = \(bind: person.uuidString)")
            sources.append(
                """
                SELECT dp.dispute_id FROM dispute_people dp JOIN line_management lm ON lm.person_id = dp.person_id \
                WHERE lm.manager_id = \(bind: person.uuidString)
                """)
        }
        // DISTINCT for when this is the only source: the outbox holds many messages a dispute.
        sources.append("SELECT DISTINCT o.dispute_id FROM outbox_messages o WHERE o.person_id = \(bind: person)")
        return sources.joined(separator: " UNION ")
    }

    /// The IDs, as `dispute_id`, of the disputes `mine` holds.
    static func mineIDs(_ person: UUID) -> SQLQueryString {
        """
        SELECT dp.dispute_id FROM dispute_people dp WHERE dp.person_id = \(bind: person.uuidString) \
        UNION SELECT o.dispute_id FROM outbox_messages o WHERE o.person_id = \(bind: person) AND o.urgent = \(true)
        """
    }

    /// The IDs, as `dispute_id`, of the disputes `team` holds.
    static func teamIDs(_ person: UUID) -> SQLQueryString {
        """
        SELECT DISTINCT dp.dispute_id FROM dispute_people dp JOIN line_management lm ON lm.person_id = dp.person_id \
        WHERE lm.manager_id = \(bind: person.uuidString)
        """
    }

    /// Disputes the person takes part in or was alerted about at once.
    static func mine(_ person: UUID) -> SQLQueryString {
        "d.id IN (" + mineIDs(person) + ")"
    }

    static func overdue(_ window: DeadlineWindow) -> SQLQueryString {
        "(d.status = \(bind: DisputeStatus.open.rawValue) AND d.next_due < \(bind: window.today.iso))"
    }

    static func dueSoon(_ window: DeadlineWindow) -> SQLQueryString {
        let limits: [SQLQueryString] = window.dueSoonUntil.sorted { $0.key.uuidString < $1.key.uuidString }.map {
            "(d.partnership_id = \(bind: $0.key) AND d.next_due <= \(bind: $0.value.iso))"
        }
        guard let latest = window.dueSoonUntil.values.max() else { return "1 = 0" }
        // The latest bound of any partnership closes the index range; each row then meets its own.
        return """
            (d.status = \(bind: DisputeStatus.open.rawValue) AND d.next_due >= \(bind: window.today.iso) \
            AND d.next_due <= \(bind: latest.iso) AND (\(limits.joined(separator: " OR "))))
            """
    }

    /// Every word must begin a term of the dispute; or the query as one word must, so a case
    /// reference typed with spaces ("CR 1234") is still found.
    static func search(_ text: String) -> SQLQueryString? {
        let words = SearchTerms.words(text)
        guard !words.isEmpty else { return nil }
        func prefix(_ word: String) -> SQLQueryString {
            """
            d.id IN (SELECT t.dispute_id FROM dispute_search_terms t WHERE t.term >= \(bind: word) \
            AND t.term < \(bind: SearchTerms.upperBound(word)))
            """
        }
        let each = "(" + words.map(prefix).joined(separator: " AND ") + ")"
        guard words.count > 1 else { return each }
        return "(" + each + " OR " + prefix(words.joined()) + ")"
    }

    /// Everything but the page's starting place, applied to each visible part.
    static func filters(
        _ query: DisputeListQuery, account: Account, window: DeadlineWindow, on kind: ConcordDatabase.Kind
    ) -> [Part]? {
        guard var parts = visibleParts(account, within: query.partnership, on: kind) else { return nil }
        var clauses: [SQLQueryString] = []
        if let partnership = query.partnership { clauses.append("d.partnership_id = \(bind: partnership)") }
        switch query.involvement {
        case .visible: break
        case .mine, .team:
            guard let person = account.personID, account.role.actsAsPerson else { return nil }
            // The person's own disputes, or their team's, are among those they may see: listed
            // from those alone, rather than from all they may see and filtered, which led
            // PostgreSQL to read every open dispute.
            let ids = query.involvement == .mine ? mineIDs(person) : teamIDs(person)
            parts = [part(of: ids, on: kind)]
        }
        if !query.statuses.isEmpty {
            clauses.append("d.status IN (\(binds: query.statuses.map(\.rawValue)))")
        }
        if let stage = query.stage {
            clauses.append("d.current_stage = \(bind: stage)")
            if let policy = query.policyID { clauses.append("d.policy_id = \(bind: policy)") }
        }
        if let agency = query.agency {
            clauses.append(
                "d.id IN (SELECT da.dispute_id FROM dispute_agencies da WHERE da.agency_id = \(bind: agency))")
        }
        if let category = query.category { clauses.append("d.category = \(bind: category.rawValue)") }
        switch query.deadline {
        case .overdue: clauses.append(overdue(window))
        case .dueSoon: clauses.append(dueSoon(window))
        case .notOverdue: clauses.append("NOT " + overdue(window))
        case nil: break
        }
        if let from = query.raisedFrom { clauses.append("d.raised_on >= \(bind: from.iso)") }
        if let to = query.raisedTo { clauses.append("d.raised_on <= \(bind: to.iso)") }
        if let search = search(query.text) { clauses.append(search) }
        if let since = query.changedSince { clauses.append("d.last_event_at >= \(bind: since)") }
        for exclusion in query.excluding.sorted(by: { "\($0)" < "\($1)" }) {
            switch exclusion {
            case .urgent: clauses.append("NOT (" + overdue(window) + " OR " + dueSoon(window) + ")")
            case .mine, .mineUnclosed:
                guard let person = account.personID, account.role.actsAsPerson else { continue }
                let unclosed: SQLQueryString =
                    exclusion == .mine ? "" : " AND d.status <> \(bind: DisputeStatus.closed.rawValue)"
                clauses.append("NOT (" + mine(person) + unclosed + ")")
            }
        }
        return parts.map { Part(from: $0.from, clauses: $0.clauses + clauses) }
    }
}
