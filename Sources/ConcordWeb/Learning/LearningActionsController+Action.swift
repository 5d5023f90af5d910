import ConcordCore
import ConcordStore
import Vapor

/// One action's page: what it is, changing it, marking it done or reopening it, and its history.
extension LearningActionsController {
    /// The page's three forms, so one posted back with errors keeps its answers and the others
    /// show the action as it is.
    enum Form {
        case change, done, reopen
    }

    struct ActionPage: Encodable {
        var name: String
        var action: Row
        var outcome: String?
        var created: String
        var backHref: String
        var mayEdit: Bool
        var done: Bool
        var postHref: String
        var fields: [FormField]
        var doneHref: String
        var doneFields: [FormField]
        var reopenHref: String
        var reopenFields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
        var history: [HistoryRow]
        var hasHistory: Bool
    }

    private func action(_ request: Request, _ access: LearningAccess) async throws -> LearningAction {
        guard let id = request.parameters.get("action").flatMap(UUID.init(uuidString:)),
            let action = try await access.records.action(id, partnership: access.partnership.id)
        else { throw Abort(.notFound) }
        return action
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        return try await render(request, access, try await action(request, access), errors: FormErrors())
    }

    @Sendable func update(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let action = try await action(request, access)
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: ["action"])
        guard errors.isEmpty, let draft = Self.draft(sent, errors: &errors) else {
            return try await render(request, access, action, sent: (sent, .change), errors: errors)
        }
        return try await saving(request, access, action, sent: (sent, .change)) {
            try await access.records.updateAction(
                action.id, draft, partnership: access.partnership.id, by: access.account, at: request.now)
        }
    }

    @Sendable func complete(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let action = try await action(request, access)
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: ["outcome"])
        let day = sent.date("completed", label: "The day it was done", errors: &errors)
        if day == nil, !errors.items.contains(where: { $0.field == "completed" }) {
            errors.add("completed", "Enter the day it was done")
        }
        if sent.text("outcome").isEmpty { errors.add("outcome", "Enter what was done") }
        guard errors.isEmpty, let day else {
            return try await render(request, access, action, sent: (sent, .done), errors: errors)
        }
        return try await saving(request, access, action, sent: (sent, .done)) {
            try await access.records.completeAction(
                action.id, on: day, outcome: sent.text("outcome"), partnership: access.partnership.id,
                by: access.account, at: request.now)
        }
    }

    @Sendable func reopen(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let action = try await action(request, access)
        let sent = FormValues(request)
        let errors = sent.characterProblems(multiline: ["reason"])
        guard errors.isEmpty else {
            return try await render(request, access, action, sent: (sent, .reopen), errors: errors)
        }
        return try await saving(request, access, action, sent: (sent, .reopen)) {
            try await access.records.reopenAction(
                action.id, reason: sent.text("reason"), partnership: access.partnership.id, by: access.account,
                at: request.now)
        }
    }

    /// Makes the change, showing the form again with the store's objection if it has one.
    private func saving(
        _ request: Request, _ access: LearningAccess, _ action: LearningAction, sent: (FormValues, Form),
        _ change: () async throws -> Void
    ) async throws -> Response {
        let errors = try await access.objection(to: change)
        guard errors.isEmpty else { return try await render(request, access, action, sent: sent, errors: errors) }
        return request.redirect(to: .learningAction(access.slug, action: .value(action.id)), notice: .saved)
    }

    private func render(
        _ request: Request, _ access: LearningAccess, _ action: LearningAction, sent: (FormValues, Form)? = nil,
        errors: FormErrors
    ) async throws -> Response {
        func posted(_ form: Form) -> FormValues? { sent?.1 == form ? sent?.0 : nil }
        let today = LondonTime.date(of: request.now)
        let themes = try await access.records.themes(partnership: access.partnership.id)
            .filter { !$0.retired || $0.id == action.themeID }
        var fields = Self.fields(posted(.change), themes: themes, action: action)
        var doneFields = [
            FormField.date(
                name: "completed", label: "Done on", hint: "For example, \(today.day) \(today.month) \(today.year)",
                value: nil),
            FormField(
                .textarea, name: "outcome", label: "What was done",
                hint: "What changed, so the board can see it", value: posted(.done)?.untrimmed("outcome") ?? ""),
        ]
        doneFields[0].day = posted(.done)?.text("completed-day") ?? ""
        doneFields[0].month = posted(.done)?.text("completed-month") ?? ""
        doneFields[0].year = posted(.done)?.text("completed-year") ?? ""
        var reopenFields = [
            FormField(
                .textarea, name: "reason", label: "Why it is not done",
                hint: "The completion stays in the action's history", value: posted(.reopen)?.untrimmed("reason") ?? "")
        ]
        let linked = errors.apply(to: &fields).apply(to: &doneFields).apply(to: &reopenFields)
        let history = try await access.records.history(.action(action.id), partnership: access.partnership.id)
        let page = ActionPage(
            name: access.partnership.name,
            action: Row(
                action: action.action, href: "", theme: action.themeTitle, owner: action.owner,
                due: Formatting.date(action.dueOn), status: action.statusText(on: today),
                overdue: action.status(on: today) == .overdue),
            outcome: action.outcome, created: Formatting.date(action.createdOn),
            backHref: SiteRoute.learningActions(access.slug).path, mayEdit: access.mayEdit,
            done: action.completedOn != nil,
            postHref: SiteRoute.learningAction(access.slug, action: .value(action.id)).path, fields: fields,
            doneHref: SiteRoute.learningActionDone(access.slug, action: .value(action.id)).path, doneFields: doneFields,
            reopenHref: SiteRoute.learningActionReopen(access.slug, action: .value(action.id)).path,
            reopenFields: reopenFields, errors: linked, hasErrors: !linked.isEmpty,
            history: history.map(HistoryRow.init), hasHistory: !history.isEmpty)
        return try await request.page(
            "learning-action", title: (linked.isEmpty ? "" : "Error: ") + "Action on learning", page,
            status: linked.isEmpty ? .ok : .unprocessableEntity, notice: linked.isEmpty ? request.notice : nil)
    }
}
