import ConcordCore
import ConcordStore
import Vapor

/// The actions the partnership takes on what it learned: those still to do and those done,
/// recording one, and each action's page where it is changed, marked done or reopened.
struct LearningActionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.learningActions(.key), use: list)
        routes.get(.newLearningAction(.key), use: newForm)
        routes.checkingAnswers.post(.newLearningAction(.key), use: add)
        routes.get(.learningAction(.key, action: .key), use: show)
        routes.checkingAnswers.post(.learningAction(.key, action: .key), use: update)
        routes.checkingAnswers.post(.learningActionDone(.key, action: .key), use: complete)
        routes.checkingAnswers.post(.learningActionReopen(.key, action: .key), use: reopen)
    }

    struct Row: Encodable {
        var action: String
        var href: String
        var theme: String
        var owner: String
        var due: String
        var status: String
        var overdue: Bool
    }

    struct ListPage: Encodable {
        var name: String
        var backHref: String
        var openHref: String
        var doneHref: String
        var showingDone: Bool
        var rows: [Row]
        var hasRows: Bool
        var pagination: [ListPagination]
        var mayEdit: Bool
        var newHref: String
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        let values = FormValues(body: request.url.query ?? "")
        let which = LearningRecords.ActionList(rawValue: values.text("list")) ?? .open
        let pageNumber = max(Int(values.text("page")) ?? 1, 1)
        let found = try await access.records.actions(partnership: access.partnership.id, which, page: pageNumber)
        let today = LondonTime.date(of: request.now)
        let path = SiteRoute.learningActions(access.slug).path
        let kept = [("list", which.rawValue)]
        let page = ListPage(
            name: access.partnership.name, backHref: SiteRoute.learning(access.slug).path, openHref: path,
            doneHref: path + ListRequest.queryString(kept), showingDone: which == .done,
            rows: found.actions.map { action in
                Row(
                    action: action.action, href: SiteRoute.learningAction(access.slug, action: .value(action.id)).path,
                    theme: action.themeTitle, owner: action.owner, due: Formatting.date(action.dueOn),
                    status: action.statusText(on: today), overdue: action.status(on: today) == .overdue)
            }, hasRows: !found.actions.isEmpty,
            pagination: [
                ListPagination(
                    path: path, previous: pageNumber > 1 ? kept + [("page", String(pageNumber - 1))] : nil,
                    next: found.hasMore ? kept + [("page", String(pageNumber + 1))] : nil)
            ],
            mayEdit: access.mayEdit, newHref: SiteRoute.newLearningAction(access.slug).path)
        return try await request.page(
            "learning-actions", title: "\(access.partnership.name): actions on learning", page,
            notice: request.notice)
    }

    // MARK: Recording one

    @Sendable func newForm(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        return try await renderNew(request, access, sent: nil, errors: FormErrors())
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: ["action"])
        let draft = Self.draft(sent, errors: &errors)
        guard errors.isEmpty, let draft else { return try await renderNew(request, access, sent: sent, errors: errors) }
        var id: UUID?
        let objection = try await access.objection {
            id = try await access.records.addAction(
                draft, partnership: access.partnership.id, by: access.account, at: request.now)
        }
        guard let id else { return try await renderNew(request, access, sent: sent, errors: objection) }
        return request.redirect(to: .learningAction(access.slug, action: .value(id)), notice: .saved)
    }

    private func renderNew(
        _ request: Request, _ access: LearningAccess, sent: FormValues?, errors: FormErrors
    )
        async throws -> Response
    {
        let themes = try await access.records.themes(partnership: access.partnership.id).filter { !$0.retired }
        var fields = Self.fields(sent, themes: themes, action: nil)
        let linked = errors.apply(to: &fields)
        let page = RaiseController.FormPage(
            heading: "Record an action on learning", caption: access.partnership.name,
            intro: themes.isEmpty
                ? "Add the partnership's learning themes first: every action answers one." : nil,
            postHref: SiteRoute.newLearningAction(access.slug).path, fields: fields, token: "",
            submit: "Record the action", errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "form", title: (linked.isEmpty ? "" : "Error: ") + "Record an action on learning", page,
            status: linked.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The action form's fields, filled from what was sent or from the action.
    static func fields(_ sent: FormValues?, themes: [LearningTheme], action: LearningAction?) -> [FormField] {
        let theme = sent?.text("theme") ?? action?.themeID.uuidString.lowercased() ?? ""
        var due = FormField.date(
            name: "due", label: "Due by", hint: "For example, 31 3 2027", value: sent == nil ? action?.dueOn : nil)
        if let sent {
            due.day = sent.text("due-day")
            due.month = sent.text("due-month")
            due.year = sent.text("due-year")
        }
        return [
            FormField(
                .select, name: "theme", label: "Theme it answers",
                options: [.option("", "Choose a theme", selected: theme.isEmpty)]
                    + themes.map {
                        .option(
                            $0.id.uuidString.lowercased(), $0.title, selected: theme == $0.id.uuidString.lowercased())
                    }),
            FormField(
                .textarea, name: "action", label: "Action",
                hint: "What will change, for example “revise the escalation procedure” or “multi-agency training”",
                value: sent?.untrimmed("action") ?? action?.action ?? ""),
            FormField(
                .text, name: "owner", label: "Owner", hint: "The person or group who will see it done",
                value: sent?.text("owner") ?? action?.owner ?? ""),
            due,
        ]
    }

    static func draft(_ sent: FormValues, errors: inout FormErrors) -> LearningRecords.ActionDraft? {
        let theme = UUID(uuidString: sent.text("theme"))
        if theme == nil { errors.add("theme", "Choose a theme from the list") }
        if sent.text("action").isEmpty { errors.add("action", "Enter the action") }
        if sent.text("owner").isEmpty { errors.add("owner", "Enter who owns the action") }
        let due = sent.date("due", label: "The due date", errors: &errors)
        if due == nil, !errors.items.contains(where: { $0.field == "due" }) { errors.add("due", "Enter the due date") }
        guard let theme, let due, errors.isEmpty else { return nil }
        return LearningRecords.ActionDraft(
            theme: theme, action: sent.text("action"), owner: sent.text("owner"), dueOn: due)
    }
}
