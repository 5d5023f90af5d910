import ConcordCore
import Foundation
import SQLKit

/// The WHERE clauses of a list, as SQL over `disputes d`. Need to know is one of them, so a
/// search or a count can only ever reach disputes the account may see.
extension DisputeList {
    /// The disputes the account may see; nil when it may see none.
    static func visibility(_ account: Account) -> SQLQueryString? {
        guard !account.disabled else { return nil }
        var reasons: [SQLQueryString] = []
        if account.role.actsAsPerson, let person = account.personID {
            reasons.append(
                """
                d.id IN (SELECT dp.dispute_id FROM dispute_people dp WHERE dp.person_id = \(bind: person.uuidString) \
                OR dp.person_id IN (SELECT lm.person_id FROM line_management lm \
                WHERE lm.manager_id = \(bind: person.uuidString)))
                """)
        }
        if let person = account.personID {
            reasons.append("d.id IN (SELECT o.dispute_id FROM outbox_messages o WHERE o.person_id = \(bind: person))")
        }
        if account.role.isPartnershipWide, let partnership = account.partnershipID {
            reasons.append("d.partnership_id = \(bind: partnership)")
        }
        guard !reasons.isEmpty else { return nil }
        return "(" + reasons.joined(separator: " OR ") + ")"
    }

    /// Disputes the person takes part in or was alerted about at once.
    static func mine(_ person: UUID) -> SQLQueryString {
        """
        (d.id IN (SELECT dp.dispute_id FROM dispute_people dp WHERE dp.person_id = \(bind: person.uuidString)) \
        OR d.id IN (SELECT o.dispute_id FROM outbox_messages o WHERE o.person_id = \(bind: person) \
        AND o.urgent = \(true)))
        """
    }

    /// Disputes someone below the person in line management takes part in.
    static func team(_ person: UUID) -> SQLQueryString {
        """
        d.id IN (SELECT dp.dispute_id FROM dispute_people dp WHERE dp.person_id IN \
        (SELECT lm.person_id FROM line_management lm WHERE lm.manager_id = \(bind: person.uuidString)))
        """
    }

    static func overdue(_ window: DeadlineWindow) -> SQLQueryString {
        "(d.status = \(bind: DisputeStatus.open.rawValue) AND d.next_due < \(bind: window.today.iso))"
    }

    static func dueSoon(_ window: DeadlineWindow) -> SQLQueryString {
        let limits: [SQLQueryString] = window.dueSoonUntil.sorted { $0.key.uuidString < $1.key.uuidString }.map {
            "(d.partnership_id = \(bind: $0.key) AND d.next_due <= \(bind: $0.value.iso))"
        }
        let within: SQLQueryString = limits.isEmpty ? "1 = 0" : "(" + limits.joined(separator: " OR ") + ")"
        return """
            (d.status = \(bind: DisputeStatus.open.rawValue) AND d.next_due >= \(bind: window.today.iso) \
            AND \(within))
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

    /// Everything but the page's starting place.
    static func filters(
        _ query: DisputeListQuery, account: Account, window: DeadlineWindow
    ) -> [SQLQueryString]? {
        guard let visible = visibility(account) else { return nil }
        var clauses = [visible]
        if let partnership = query.partnership { clauses.append("d.partnership_id = \(bind: partnership)") }
        switch query.involvement {
        case .visible: break
        case .mine, .team:
            guard let person = account.personID, account.role.actsAsPerson else { return nil }
            clauses.append(query.involvement == .mine ? mine(person) : team(person))
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
        return clauses
    }
}
