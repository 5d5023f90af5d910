import ConcordCore
import ConcordStore
import Vapor

/// The partnership's learning over a period, grouped by theme, and the learning itself a page
/// at a time: for the business office to give it themes, and for the scrutineer and auditors
/// to read.
struct LearningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.learning(.key), use: page)
    }

    struct ThemeRow: Encodable {
        var title: String
        var href: String
        var points: Int
        var disputes: Int
        var chosen: Bool
    }

    struct EntryView: Encodable {
        var reference: String
        var disputeHref: String
        var recordedOn: String
        var whereRecorded: String
        var text: String
        var policyChanges: String?
        var themes: [String]
        var hasThemes: Bool
        var pointHref: String
    }

    struct Page: Encodable {
        var name: String
        var fields: [FormField]
        var formHref: String
        var errors: FormErrors
        var hasErrors: Bool
        var period: String
        var themes: [ThemeRow]
        var listHeading: String
        var entries: [EntryView]
        var hasEntries: Bool
        var pagination: [ListPagination]
        var themesHref: String
        var actionsHref: String
        var mayEdit: Bool
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        let asked = try await ReportRequest.read(
            request, partnership: access.partnership,
            counting: "Learning recorded in the period is counted, whenever its dispute was raised.")
        let values = FormValues(body: request.url.query ?? "")
        var fields = asked.fields
        let errors = asked.errors
        let themes = try await access.records.themes(partnership: access.partnership.id)
        var choice = LearningRecords.ThemeChoice.any
        if let theme = values.optional("theme") {
            if theme == "none" {
                choice = .none
            } else if let id = UUID(uuidString: theme), themes.contains(where: { $0.id == id }) {
                choice = .theme(id)
            } else {
                throw Abort(.notFound)
            }
        }
        let linked = errors.apply(to: &fields)
        let pageNumber = max(Int(values.text("page")) ?? 1, 1)
        var page = Page(
            name: access.partnership.name, fields: fields, formHref: SiteRoute.learning(access.slug).path,
            errors: linked, hasErrors: !linked.isEmpty, period: "", themes: [], listHeading: "", entries: [],
            hasEntries: false, pagination: [], themesHref: SiteRoute.learningThemes(access.slug).path,
            actionsHref: SiteRoute.learningActions(access.slug).path, mayEdit: access.mayEdit)
        if errors.isEmpty, let period = asked.period {
            let query = ReportQuery(
                partnership: access.partnership.id, from: period.from, to: period.to, agency: asked.agency?.ref.id,
                category: asked.category, today: LondonTime.date(of: request.now))
            page.period = "\(Formatting.date(period.from)) to \(Formatting.date(period.to))"
            let path = SiteRoute.learning(access.slug).path
            let counts = try await access.records.byTheme(query, themes: themes)
            page.themes = (counts.themes + [counts.withoutTheme]).map { theme in
                let key = theme.id?.uuidString.lowercased() ?? "none"
                let chosen =
                    switch choice {
                    case .theme(let id): id == theme.id
                    case .none: theme.id == nil
                    case .any: false
                    }
                return ThemeRow(
                    title: theme.title, href: path + ListRequest.queryString(asked.parameters + [("theme", key)]),
                    points: theme.points, disputes: theme.disputes, chosen: chosen)
            }
            page.listHeading =
                switch choice {
                case .any: "All learning recorded"
                case .none: "Learning not yet given a theme"
                case .theme(let id): "Learning given the theme “\(themes.first { $0.id == id }?.title ?? "")”"
                }
            let found = try await access.records.entries(query, theme: choice, page: pageNumber, themes: themes)
            let titles = try await Self.stageTitles(request, access)
            page.entries = found.entries.map { Self.entry(request, $0, access: access, titles: titles) }
            page.hasEntries = !page.entries.isEmpty
            let kept = asked.parameters + (values.optional("theme").map { [("theme", $0)] } ?? [])
            page.pagination = [
                ListPagination(
                    path: path, previous: pageNumber > 1 ? kept + [("page", String(pageNumber - 1))] : nil,
                    next: found.hasMore ? kept + [("page", String(pageNumber + 1))] : nil)
            ]
        }
        return try await request.page(
            "learning", title: (linked.isEmpty ? "" : "Error: ") + "\(access.partnership.name): learning", page,
            status: linked.isEmpty ? .ok : .badRequest)
    }

    /// The stages' titles in the partnership's policies, newest first, by stage id.
    static func stageTitles(_ request: Request, _ access: LearningAccess) async throws -> [String: String] {
        let policies = try await request.concord.directory.currentPolicies(
            partnership: access.partnership.id, on: LondonTime.date(of: request.now), in: try await request.directory())
        var titles: [String: String] = [:]
        for policy in policies.map(\.policy) {
            for stage in policy.stages where titles[stage.id] == nil { titles[stage.id] = stage.title }
        }
        return titles
    }

    static func entry(
        _ request: Request, _ entry: LearningRecords.Entry, access: LearningAccess, titles: [String: String]
    ) -> EntryView {
        let point = entry.point
        let place = point.stage.map { "at \(titles[$0] ?? $0)" }
        return EntryView(
            reference: entry.reference, disputeHref: SiteRoute.dispute(.value(entry.disputeID)).path,
            recordedOn: Formatting.date(point.recordedOn),
            whereRecorded: [point.source.title, place].compactMap { $0 }.joined(separator: " "), text: point.text,
            policyChanges: point.policyChanges, themes: entry.themes.map(\.title), hasThemes: !entry.themes.isEmpty,
            pointHref: SiteRoute.learningPoint(access.slug, dispute: .value(entry.disputeID), point: .value(point.key))
                .path)
    }
}
