import ConcordCore
import ConcordStore
import Vapor

/// The first page after sign-in: what needs this person's attention, soonest first.
struct MyWorkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.myWork, use: myWork)
    }

    struct Section: Encodable {
        var id: String
        var heading: String
        var empty: String
        var rows: [DisputeRow]
        var hasRows: Bool
        var showPartnership: Bool
        /// Where the rest are listed, when the section shows only its first page.
        var more: Link? = nil
        /// "Showing 50 of 132.", when there are more than a page.
        var showing: String? = nil
    }

    /// One of the person's own actions: a plan action or a response they agreed to give.
    struct ActionRow: Encodable {
        var reference: String
        var href: String
        var action: String
        var deadline: DeadlineView?
    }

    struct MyWorkPage: Encodable {
        var actions: [ActionRow]
        var hasActions: Bool
        var showActions: Bool
        var sections: [Section]
        var canRaise: Bool
        var raiseHref: String
        var overviewHref: String?
        var visibleSummary: String
        var allHref: String
    }

    /// A section of My work: what it asks the list for, and where its "see all" link goes.
    private struct SectionQuery {
        var id: String
        var heading: String
        var empty: String
        var query: DisputeListQuery
        var more: (text: String, parameters: [(String, String)])
    }

    private func summary(_ count: Int, partnershipWide: Bool) -> String {
        let disputes = count == 1 ? "1 dispute" : "\(Formatting.number(count)) disputes"
        let scope =
            partnershipWide
            ? "every dispute in your partnership"
            : "those you take part in, those of people you manage and those Concord alerted you about"
        return "You can see \(disputes): \(scope)."
    }

    /// Each dispute in the most urgent section it belongs to: overdue, then due within a
    /// working day, then needing the person's action, then their team's, then recently ended.
    private func sections(_ account: Account, now: Date) -> [SectionQuery] {
        func query(_ change: (inout DisputeListQuery) -> Void) -> DisputeListQuery {
            var query = DisputeListQuery()
            change(&query)
            return query
        }
        let person = account.role.actsAsPerson
        let ended: [DisputeStatus] = [.resolved, .referred, .withdrawn, .closed]
        var result = [
            SectionQuery(
                id: "overdue", heading: "Overdue", empty: "Nothing is overdue.",
                query: query { $0.deadline = .overdue }, more: ("See every overdue dispute", [("overdue", "yes")])),
            SectionQuery(
                id: "due-soon", heading: "Due within a working day", empty: "Nothing is due within a working day.",
                query: query { $0.deadline = .dueSoon },
                more: ("See every dispute due within a working day", [("overdue", "soon")])),
        ]
        if person {
            result.append(
                SectionQuery(
                    id: "needs-action", heading: "Needing your action", empty: "Nothing is waiting for you.",
                    query: query {
                        $0.involvement = .mine
                        $0.statuses = [.open, .resolved, .referred, .withdrawn]
                        $0.excluding = [.urgent]
                    }, more: ("See every dispute you take part in", [("show", "mine")])))
            result.append(
                SectionQuery(
                    id: "team", heading: "Your team's open disputes",
                    empty: "Nobody you manage has an open dispute that is not listed above.",
                    query: query {
                        $0.involvement = .team
                        $0.statuses = [.open]
                        $0.excluding = [.urgent, .mine]
                    }, more: ("See your team's open disputes", [("show", "team"), ("status", "open")])))
        }
        result.append(
            SectionQuery(
                id: "recently-ended", heading: "Recently ended",
                empty: "No dispute you can see has ended in the last 30 days.",
                query: query {
                    $0.statuses = ended
                    $0.sort = .changed
                    $0.changedSince = EventChain.timestamp(now.addingTimeInterval(-30 * 24 * 3600))
                    if person { $0.excluding = [.mineUnclosed] }
                }, more: ("See every dispute that has ended", [("status", "ended"), ("sort", "changed")])))
        return result
    }

    @Sendable func myWork(_ request: Request) async throws -> Response {
        let account = try request.requireAccount()
        if account.role == .administrator { return request.redirect(to: .admin) }
        let services = request.concord
        let database = services.database
        let context = try await DisputeListContext.load(request)
        let scope = try await ListScope.load(request, account: account, context: context)
        let window = context.window
        var actions: [ActionRow] = []
        if let person = account.personID, account.role.actsAsPerson {
            let owned = try await DisputeActionRow.owned(by: person, database)
            let seen = try await DisputeList.visibleIDs(database, among: owned.map(\.disputeID), account: account)
            actions = owned.filter { seen.contains($0.disputeID) }.map { context.actionRow($0) }
        }
        var shown: [Section] = []
        for section in sections(account, now: request.now) {
            let page = try await DisputeList.page(database, section.query, account: account, window: window)
            var more: Link?
            var showing: String?
            if page.next != nil {
                let total = try await DisputeList.count(database, section.query, account: account, window: window)
                showing = "Showing \(page.rows.count) of \(Formatting.number(total))."
                more = Link(
                    text: section.more.text,
                    href: SiteRoute.allDisputes.path + ListRequest.queryString(section.more.parameters))
            }
            let rows = page.rows.map(context.row)
            shown.append(
                Section(
                    id: section.id, heading: section.heading, empty: section.empty, rows: rows, hasRows: !rows.isEmpty,
                    showPartnership: scope.spansPartnerships, more: more, showing: showing))
        }
        let visible = try await DisputeList.count(database, DisputeListQuery(), account: account, window: window)
        var overview: String?
        if account.role.isPartnershipWide, let id = account.partnershipID, let slug = context.partnerships[id]?.slug {
            overview = SiteRoute.partnership(.value(slug)).path
            request.partnershipSlug = slug
        }
        return try await request.page(
            "my-work", title: "My work",
            MyWorkPage(
                actions: actions, hasActions: !actions.isEmpty, showActions: account.role.actsAsPerson,
                sections: shown, canRaise: account.role.actsAsPerson, raiseHref: SiteRoute.choosePartnership.path,
                overviewHref: overview, visibleSummary: summary(visible, partnershipWide: overview != nil),
                allHref: SiteRoute.allDisputes.path),
            notice: request.notice)
    }
}

extension DisputeListContext {
    func actionRow(_ row: DisputeActionRow) -> MyWorkController.ActionRow {
        let calendar = calendars[row.partnershipID] ?? WorkingCalendar(region: .englandAndWales, holidays: .standard)
        return MyWorkController.ActionRow(
            // A plan action is shown in the plan; a response or a clock among the deadlines.
            reference: row.reference,
            href: SiteRoute.dispute(.value(row.disputeID)).path
                + (row.action.kind == .planned ? "#plan" : "#deadlines"),
            action: row.action.action,
            deadline: DeadlineView(label: "Due", due: row.action.due, today: today, calendar: calendar, open: true))
    }
}
