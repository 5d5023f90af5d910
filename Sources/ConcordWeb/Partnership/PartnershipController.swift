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
        var tables: [MyWorkController.Section]
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let account = try request.requireAccount()
        guard let slug = request.parameters.get("partnership"),
            let partnership = try await request.concord.directory.partnership(slug: slug),
            account.role.isPartnershipWide, account.partnershipID == partnership.id
        else { throw Abort(.notFound) }
        request.partnershipSlug = slug
        let context = try await DisputeListContext.load(request.concord, now: request.now)
        guard let policy = context.policies[partnership.id] else { throw Abort(.notFound) }
        let sent = try request.query.decode(Filters.self)
        let agencies = try await request.concord.directory.agencies().filter {
            $0.partnerships.contains(partnership.id)
        }
        let agencyID = sent.agency.flatMap(UUID.init(uuidString:))
        let scoped = try await DisputeAccess.visible(request.concord.database, account: account)
            .filter { $0.partnershipID == partnership.id }
        let withAgency: Set<UUID>
        if let agencyID {
            withAgency = try await agencyDisputes(request, agency: agencyID.uuidString, among: scoped.map(\.id))
        } else {
            withAgency = Set(scoped.map(\.id))
        }
        let filtered = scoped.filter { summary in
            withAgency.contains(summary.id) && (sent.category?.isEmpty ?? true || summary.category == sent.category)
                && (sent.stage?.isEmpty ?? true || summary.currentStage == sent.stage)
        }
        let rows = filtered.map { (summary: $0, row: context.row($0)) }
        let open = rows.filter { $0.summary.status == DisputeStatus.open.rawValue }
        let stages = policy.stages.map { stage in
            let here = open.filter { $0.summary.currentStage == stage.id }
            return StageCount(
                stage: stage.title, open: here.count, overdue: here.filter(\.row.overdue).count,
                dueSoon: here.filter { $0.row.dueSoon && !$0.row.overdue }.count)
        }
        let overdue = open.filter(\.row.overdue).map(\.row)
        let figures = [
            Figure(number: open.count, label: "open", red: false),
            Figure(number: overdue.count, label: "overdue", red: !overdue.isEmpty),
            Figure(number: rows.count - open.count, label: "ended", red: false),
        ]
        let filters = [
            FormField(
                .select, name: "agency", label: "Agency",
                options: [.option("", "All agencies", selected: agencyID == nil)]
                    + agencies.map { .option($0.id.uuidString, $0.name, selected: $0.id == agencyID) }),
            FormField(
                .select, name: "category", label: "About",
                options: [.option("", "Anything", selected: sent.category?.isEmpty ?? true)]
                    + DisputeCategory.allCases.map {
                        .option($0.rawValue, Formatting.categoryName($0), selected: sent.category == $0.rawValue)
                    }),
            FormField(
                .select, name: "stage", label: "Stage",
                options: [.option("", "Any stage", selected: sent.stage?.isEmpty ?? true)]
                    + policy.stages.map { .option($0.id, $0.title, selected: sent.stage == $0.id) }),
        ]
        return try await request.page(
            "partnership", title: "\(partnership.name): overview",
            OverviewPage(
                name: partnership.name, policyName: policy.name, figures: figures, stages: stages, filters: filters,
                filterHref: SiteRoute.partnership(.value(slug)).path,
                filtered: agencyID != nil || !(sent.category ?? "").isEmpty || !(sent.stage ?? "").isEmpty,
                tables: [
                    .init(
                        id: "overdue", heading: "Overdue", empty: "Nothing is overdue.", rows: overdue,
                        hasRows: !overdue.isEmpty),
                    .init(
                        id: "all", heading: filteredHeading(rows.count), empty: "No disputes match.",
                        rows: rows.map(\.row), hasRows: !rows.isEmpty),
                ]))
    }

    private func filteredHeading(_ count: Int) -> String {
        count == 1 ? "1 dispute" : "\(count) disputes"
    }

    struct Filters: Decodable {
        var agency: String?
        var category: String?
        var stage: String?
    }

    /// Disputes with the agency on either side: raising, or named as the other agency.
    private func agencyDisputes(_ request: Request, agency: String, among ids: [UUID]) async throws -> Set<UUID> {
        var result: Set<UUID> = []
        for id in ids {
            let state = try await request.concord.disputes.load(id).state
            if state.agencies.contains(where: { $0.id == agency }) { result.insert(id) }
        }
        return result
    }
}
