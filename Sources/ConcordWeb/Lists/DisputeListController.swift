import ConcordCore
import ConcordStore
import Vapor

/// "All disputes": every dispute the account may see, fifty to a page, filtered, searched and
/// sorted in SQL. A search is posted, never put in the address, since it may be a child's name.
struct DisputeListController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.allDisputes, use: list)
        routes.post(.allDisputes, use: search)
    }

    struct ListPage: Encodable {
        var summary: String
        /// One field each; Leaf includes partials only inside a loop that names their variable.
        var search: [FormField]
        var filters: [FormField]
        var action: String
        var show: String?
        var filtered: Bool
        /// Whether the filters are shown open: in use, or one of them is in error.
        var open: Bool
        var clearHref: String
        var tables: [MyWorkController.Section]
        var pagination: [ListPagination]
        var errors: FormErrors
        var hasErrors: Bool
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await render(request, ListRequest(FormValues(body: request.url.query ?? "")))
    }

    /// Filters alone go back into the address, so the list can be bookmarked and shared.
    @Sendable func search(_ request: Request) async throws -> Response {
        let sent = ListRequest(FormValues(request))
        guard !sent.query.text.isEmpty || sent.query.after != nil || sent.query.before != nil || !sent.errors.isEmpty
        else {
            return request.redirect(
                to: SiteRoute.allDisputes.path + ListRequest.queryString(sent.parameters), redirectType: .normal)
        }
        return try await render(request, sent)
    }

    private func render(_ request: Request, _ sent: ListRequest) async throws -> Response {
        let account = try request.requireAccount()
        guard account.role != .administrator else { throw Abort(.notFound) }
        let services = request.concord
        let context = try await DisputeListContext.load(request)
        let scope = try await ListScope.load(request, account: account, context: context)
        let window = context.window
        let query = sent.query
        let page = try await DisputeList.page(services.database, query, account: account, window: window)
        let total = try await DisputeList.count(services.database, query, account: account, window: window)
        let rows = page.rows.map(context.row)
        let path = SiteRoute.allDisputes.path
        let count = total == 1 ? "1 dispute" : "\(Formatting.number(total)) disputes"
        let filtered = sent.isFiltered || query.involvement != .visible
        var fields = scope.fields(sent)
        let search = FormField(
            .text, name: "q", label: "Search",
            hint: "A dispute's reference, a child's or adult's name, or an agency's case reference",
            value: query.text)
        var errors = sent.errors
        errors = errors.apply(to: &fields)
        var searchFields = [search]
        errors = errors.apply(to: &searchFields)
        if let slug = account.partnershipID.flatMap({ context.partnerships[$0]?.slug }) {
            request.partnershipSlug = slug
        }
        return try await request.page(
            "disputes", title: "All disputes",
            ListPage(
                summary: filtered ? "\(count) \(total == 1 ? "matches" : "match")." : "You can see \(count).",
                search: searchFields, filters: fields,
                action: path, show: query.involvement == .visible ? nil : query.involvement.rawValue,
                filtered: filtered, open: filtered || !errors.isEmpty, clearHref: path,
                tables: [
                    .init(
                        id: "disputes", heading: "Disputes", empty: "No disputes match.", rows: rows,
                        hasRows: !rows.isEmpty, showPartnership: scope.spansPartnerships)
                ],
                pagination: [ListPagination(page: page, request: sent, path: path)], errors: errors,
                hasErrors: !errors.isEmpty))
    }
}
