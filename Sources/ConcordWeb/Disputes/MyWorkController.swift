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
    }

    private func summary(_ count: Int, partnershipWide: Bool) -> String {
        let disputes = count == 1 ? "1 dispute" : "\(count) disputes"
        let scope =
            partnershipWide
            ? "every dispute in your partnership"
            : "those you take part in, those of people you manage and those Concord alerted you about"
        return "You can see \(disputes): \(scope)."
    }

    @Sendable func myWork(_ request: Request) async throws -> Response {
        let account = try request.requireAccount()
        if account.role == .administrator { return request.redirect(to: .admin) }
        let services = request.concord
        let visible = try await DisputeAccess.visible(services.database, account: account)
        var mine: Set<UUID> = []
        if let person = account.personID {
            mine = try await DisputeAccess.participating(services.database, person: person)
            mine.formUnion(try await DisputeAccess.alerted(services.database, person: person))
        }
        let context = try await DisputeListContext.load(services, now: request.now)
        var actions: [ActionRow] = []
        if let person = account.personID, account.role.actsAsPerson {
            let seen = Set(visible.map(\.id))
            actions = try await DisputeActionRow.owned(by: person, services.database).filter {
                seen.contains($0.disputeID)
            }.map { context.actionRow($0) }
        }
        let rows = visible.map { (summary: $0, row: context.row($0)) }
        let open = rows.filter { $0.summary.status == DisputeStatus.open.rawValue }
        let recentCutoff = EventChain.timestamp(request.now.addingTimeInterval(-30 * 24 * 3600))

        func section(_ id: String, _ heading: String, _ empty: String, _ items: [DisputeRow]) -> Section {
            Section(id: id, heading: heading, empty: empty, rows: items, hasRows: !items.isEmpty)
        }
        let needsAction = rows.filter { item in
            mine.contains(item.summary.id) && item.summary.status != DisputeStatus.closed.rawValue
        }.map(\.row)
        let sections = [
            section(
                "needs-action", "Needing your action", "Nothing is waiting for you.",
                account.role.actsAsPerson ? needsAction : []),
            section(
                "due-soon", "Due within a working day", "Nothing is due within a working day.",
                open.filter { $0.row.dueSoon && !$0.row.overdue }.map(\.row)),
            section("overdue", "Overdue", "Nothing is overdue.", open.filter(\.row.overdue).map(\.row)),
            section(
                "recently-resolved", "Recently ended", "No dispute you can see has ended in the last 30 days.",
                rows.filter {
                    $0.summary.status != DisputeStatus.open.rawValue && $0.summary.lastEventAt >= recentCutoff
                }
                .prefix(10).map(\.row)),
        ]
        var overview: String?
        if account.role.isPartnershipWide, let id = account.partnershipID, let slug = context.partnerships[id]?.slug {
            overview = SiteRoute.partnership(.value(slug)).path
            request.partnershipSlug = slug
        }
        return try await request.page(
            "my-work", title: "My work",
            MyWorkPage(
                actions: actions, hasActions: !actions.isEmpty, showActions: account.role.actsAsPerson,
                sections: sections, canRaise: account.role.actsAsPerson, raiseHref: SiteRoute.choosePartnership.path,
                overviewHref: overview, visibleSummary: summary(visible.count, partnershipWide: overview != nil)),
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
