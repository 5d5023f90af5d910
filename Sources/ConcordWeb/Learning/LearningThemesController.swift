import ConcordCore
import ConcordStore
import Vapor

/// The themes the partnership gathers its learning under: the list, adding one, and each
/// theme's page, where it is renamed, retired or brought back, with its history.
struct LearningThemesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.learningThemes(.key), use: list)
        routes.checkingAnswers.post(.learningThemes(.key), use: add)
        routes.get(.learningTheme(.key, theme: .key), use: show)
        routes.checkingAnswers.post(.learningTheme(.key, theme: .key), use: change)
    }

    struct Row: Encodable {
        var title: String
        var href: String
        var retired: Bool
    }

    struct ListPage: Encodable {
        var name: String
        var backHref: String
        var themes: [Row]
        var hasThemes: Bool
        var mayEdit: Bool
        var postHref: String
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        try await renderList(request, try await request.learningAccess(), sent: nil, errors: FormErrors())
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let sent = FormValues(request)
        let problems = sent.characterProblems(multiline: [])
        guard problems.isEmpty else { return try await renderList(request, access, sent: sent, errors: problems) }
        let errors = try await access.objection {
            try await access.records.addTheme(
                sent.text("title"), partnership: access.partnership.id, by: access.account, at: request.now)
        }
        guard errors.isEmpty else { return try await renderList(request, access, sent: sent, errors: errors) }
        return request.redirect(to: .learningThemes(access.slug), notice: .saved)
    }

    private func renderList(
        _ request: Request, _ access: LearningAccess, sent: FormValues?, errors: FormErrors
    )
        async throws -> Response
    {
        let themes = try await access.records.themes(partnership: access.partnership.id)
        var fields = [
            FormField(
                .text, name: "title", label: "Add a theme",
                hint: "What learning is often about, for example “thresholds understood differently”",
                value: sent?.text("title") ?? "")
        ]
        let linked = errors.apply(to: &fields)
        let page = ListPage(
            name: access.partnership.name, backHref: SiteRoute.learning(access.slug).path,
            themes: themes.map {
                Row(
                    title: $0.title, href: SiteRoute.learningTheme(access.slug, theme: .value($0.id)).path,
                    retired: $0.retired)
            }, hasThemes: !themes.isEmpty, mayEdit: access.mayEdit,
            postHref: SiteRoute.learningThemes(access.slug).path, fields: fields, errors: linked,
            hasErrors: !linked.isEmpty)
        return try await request.page(
            "learning-themes", title: (linked.isEmpty ? "" : "Error: ") + "\(access.partnership.name): learning themes",
            page, status: linked.isEmpty ? .ok : .unprocessableEntity, notice: linked.isEmpty ? request.notice : nil)
    }

    struct ThemePage: Encodable {
        var name: String
        var title: String
        var retired: Bool
        var backHref: String
        var learningHref: String
        var mayEdit: Bool
        var postHref: String
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
        var history: [HistoryRow]
        var hasHistory: Bool
    }

    private func theme(_ request: Request, _ access: LearningAccess) async throws -> LearningTheme {
        guard let id = request.parameters.get("theme").flatMap(UUID.init(uuidString:)),
            let theme = try await access.records.theme(id, partnership: access.partnership.id)
        else { throw Abort(.notFound) }
        return theme
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        return try await render(request, access, try await theme(request, access), sent: nil, errors: FormErrors())
    }

    /// Renames it, or retires it or brings it back, as the button pressed says.
    @Sendable func change(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let theme = try await theme(request, access)
        let sent = FormValues(request)
        let problems = sent.characterProblems(multiline: [])
        guard problems.isEmpty else { return try await render(request, access, theme, sent: sent, errors: problems) }
        let id = access.partnership.id
        let errors = try await access.objection {
            switch sent.text("do") {
            case "rename":
                try await access.records.renameTheme(
                    theme.id, to: sent.text("title"), partnership: id, by: access.account, at: request.now)
            case "retire", "restore":
                try await access.records.setRetired(
                    sent.text("do") == "retire", theme: theme.id, partnership: id, by: access.account, at: request.now)
            default: throw Abort(.badRequest)
            }
        }
        guard errors.isEmpty else { return try await render(request, access, theme, sent: sent, errors: errors) }
        return request.redirect(to: .learningTheme(access.slug, theme: .value(theme.id)), notice: .saved)
    }

    private func render(
        _ request: Request, _ access: LearningAccess, _ theme: LearningTheme, sent: FormValues?, errors: FormErrors
    ) async throws -> Response {
        var fields = [FormField(.text, name: "title", label: "Theme", value: sent?.text("title") ?? theme.title)]
        let linked = errors.apply(to: &fields)
        let history = try await access.records.history(.theme(theme.id), partnership: access.partnership.id)
        let page = ThemePage(
            name: access.partnership.name, title: theme.title, retired: theme.retired,
            backHref: SiteRoute.learningThemes(access.slug).path,
            learningHref: SiteRoute.learning(access.slug).path
                + ListRequest.queryString([("theme", theme.id.uuidString.lowercased())]),
            mayEdit: access.mayEdit, postHref: SiteRoute.learningTheme(access.slug, theme: .value(theme.id)).path,
            fields: fields, errors: linked, hasErrors: !linked.isEmpty, history: history.map(HistoryRow.init),
            hasHistory: !history.isEmpty)
        return try await request.page(
            "learning-theme", title: (linked.isEmpty ? "" : "Error: ") + "Learning theme: \(theme.title)", page,
            status: linked.isEmpty ? .ok : .unprocessableEntity, notice: linked.isEmpty ? request.notice : nil)
    }
}
