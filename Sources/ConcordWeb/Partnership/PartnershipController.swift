import ConcordCore
import ConcordStore
import Vapor

/// The business office's view of its partnership: every open dispute by stage and status, the
/// overdue list, and filters. Scrutineers and auditors of the partnership read it too.
struct PartnershipController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.partnership(.key), use: overview)
    }

    struct StageCount: Encodable {
        var stage: String
        var open: Int
        var overdue: Int
        var dueSoon: Int
    }

    struct Figure: Encodable {
        var number: Int
        var label: String
        var red: Bool
    }

    struct OverviewPage: Encodable {
        var name: String
        var policyName: String
        var figures: [Figure]
        var stages: [StageCount]
        var filters: [FormField]
        var filterHref: String
        var filtered: Bool
        var errors: FormErrors
        var hasErrors: Bool
        var tables: [MyWorkController.Section]
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let account = try request.requireAccount()
        guard let slug = request.parameters.get("partnership"),
            let partnership = try await request.directory().partnership(slug: slug),
            account.role.isPartnershipWide, account.partnershipID == partnership.id
        else { throw Abort(.notFound) }
        request.partnershipSlug = slug
        let database = request.concord.database
        let context = try await DisputeListContext.load(request)
        guard let policy = context.policies[partnership.id] else { throw Abort(.notFound) }
        let scope = try await ListScope.load(request, account: account, context: context)
        let window = context.window
        var sent = ListRequest(FormValues(body: request.url.query ?? ""))
        sent.query.partnership = partnership.id
        // The overview counts whatever the status; its tables pick their own.
        var query = sent.query
        (query.statuses, query.deadline, query.after, query.before) = ([], nil, nil, nil)
        let tally = try await DisputeList.statusTally(database, query, account: account, window: window)
        let tallies = try await DisputeList.stageTallies(database, query, account: account, window: window)
        var overdueQuery = query
        overdueQuery.deadline = .overdue
        let overdue = try await DisputeList.page(database, overdueQuery, account: account, window: window)
        let first = try await DisputeList.page(database, query, account: account, window: window)
        let figures = [
            Figure(number: tally.open, label: "open", red: false),
            Figure(number: tally.overdue, label: "overdue", red: tally.overdue > 0),
            Figure(number: tally.total - tally.open, label: "ended", red: false),
        ]
        let listPath = SiteRoute.allDisputes.path
        let filters = sent.parameters.filter { ["agency", "category", "stage"].contains($0.0) }
        func more(_ page: DisputeListPage, _ text: String, _ extra: [(String, String)]) -> Link? {
            page.next == nil ? nil : Link(text: text, href: listPath + ListRequest.queryString(filters + extra))
        }
        var fields = scope.fields(sent).filter { ["agency", "category", "stage"].contains($0.name) }
        let errors = sent.errors.apply(to: &fields)
        return try await request.page(
            "partnership", title: "\(partnership.name): overview",
            OverviewPage(
                name: partnership.name, policyName: policy.name, figures: figures,
                stages: stageRows(tallies, procedures: context.procedures[partnership.id] ?? [policy]),
                filters: fields, filterHref: SiteRoute.partnership(.value(slug)).path,
                filtered: sent.isFiltered, errors: errors, hasErrors: !errors.isEmpty,
                tables: [
                    .init(
                        id: "overdue", heading: "Overdue", empty: "Nothing is overdue.",
                        rows: overdue.rows.map(context.row), hasRows: !overdue.rows.isEmpty, showPartnership: false,
                        more: more(overdue, "See every overdue dispute", [("overdue", "yes")]),
                        showing: overdue.next == nil
                            ? nil : "Showing \(overdue.rows.count) of \(Formatting.number(tally.overdue))."),
                    .init(
                        id: "all", heading: heading(tally.total), empty: "No disputes match.",
                        rows: first.rows.map(context.row), hasRows: !first.rows.isEmpty, showPartnership: false,
                        more: more(first, "See them all, with search and more filters", []),
                        showing: first.next == nil
                            ? nil : "Showing the \(first.rows.count) with the soonest deadlines."),
                ]))
    }

    /// Every stage of the procedures the partnership runs, then any stage only older versions had.
    private func stageRows(_ tallies: [DisputeList.StageTally], procedures: [Policy]) -> [StageCount] {
        let several = procedures.count > 1
        var remaining = tallies
        var rows: [StageCount] = []
        for policy in procedures {
            for stage in policy.stages {
                let here = remaining.filter { $0.policyID == policy.id && $0.stage == stage.id }
                remaining.removeAll { $0.policyID == policy.id && $0.stage == stage.id }
                rows.append(
                    StageCount(
                        stage: several ? "\(stage.title) (\(policy.name))" : stage.title,
                        open: here.map(\.open).reduce(0, +), overdue: here.map(\.overdue).reduce(0, +),
                        dueSoon: here.map(\.dueSoon).reduce(0, +)))
            }
        }
        rows += remaining.map { StageCount(stage: $0.stage, open: $0.open, overdue: $0.overdue, dueSoon: $0.dueSoon) }
        return rows
    }

    private func heading(_ count: Int) -> String {
        count == 1 ? "1 dispute" : "\(Formatting.number(count)) disputes"
    }
}
