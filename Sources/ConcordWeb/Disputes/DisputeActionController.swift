import ConcordCore
import ConcordStore
import Vapor

/// Every step on a dispute: a form to fill in, then the engine's decision under the dispute's
/// policy. A double submission takes effect once; a form opened before someone else changed the
/// dispute is shown again with what changed.
struct DisputeActionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for action in DisputeAction.allCases {
            routes.get(.action(.key, action)) { request in try await show(request, action) }
            routes.checkingAnswers.post(.action(.key, action)) { request in try await submit(request, action) }
        }
    }

    struct ActionPage: Encodable {
        struct Hidden: Encodable {
            var name: String
            var value: String
        }

        var title: String
        var reference: String
        var disputeHref: String
        var postHref: String
        var intro: String?
        var fields: [FormField]
        var hidden: [Hidden]
        var submit: String
        var errors: FormErrors
        var hasErrors: Bool
        var changes: [TimelineEntry]
        var hasChanges: Bool
        var warning: String?
    }

    private func allowed(_ request: Request, _ action: DisputeAction) async throws -> VisibleDispute {
        let dispute = try await request.visibleDispute()
        guard dispute.mayAct else { throw Abort(.forbidden) }
        let person = try await request.person(of: dispute.account)
        guard ActionAvailability.actions(for: dispute, person: person).contains(action) else {
            throw Abort(.conflict)
        }
        return dispute
    }

    @Sendable func show(_ request: Request, _ action: DisputeAction) async throws -> Response {
        let dispute = try await allowed(request, action)
        try await request.logAccess(dispute, "opened the form: \(action.title.lowercased())")
        let choices = try await PeopleChoices.load(dispute, directory: request.concord.directory)
        let form = ActionForm.make(
            action, dispute: dispute, choices: choices, sent: nil, today: LondonTime.date(of: request.now))
        return try await render(
            request, action, dispute, form, version: dispute.loaded.state.version,
            token: try await request.formTokens().submission(for: dispute.account.id), errors: FormErrors(),
            changes: [], status: .ok)
    }

    @Sendable func submit(_ request: Request, _ action: DisputeAction) async throws -> Response {
        let dispute = try await allowed(request, action)
        let sent = FormValues(request)
        let choices = try await PeopleChoices.load(dispute, directory: request.concord.directory)
        let today = LondonTime.date(of: request.now)
        let tokens = try await request.formTokens()
        let sentToken = tokens.checked(sent.text("token"), for: dispute.account.id)
        let token = sentToken ?? tokens.submission(for: dispute.account.id)
        // A form without its version cannot show it is current, so it is treated as stale.
        let version = Int(sent.text("version")) ?? 0
        let form = ActionForm.make(action, dispute: dispute, choices: choices, sent: sent, today: today)
        func again(_ errors: FormErrors, version: Int, changes: [TimelineEntry] = []) async throws -> Response {
            try await render(
                request, action, dispute, form, version: version, token: token, errors: errors, changes: changes,
                status: .unprocessableEntity)
        }

        let actor = try await request.actor(for: dispute)
        var problems = sent.characterProblems(for: form.fields)
        if sentToken == nil { problems.add(form.fields.first?.name ?? "", FormTokens.refusal) }
        let command: DisputeCommand
        switch ActionForm.command(action, sent: sent, dispute: dispute, choices: choices, actor: actor) {
        case .failure(let list):
            problems.add(list.errors)
            return try await again(problems, version: version)
        case .success(let made): command = made
        }
        guard problems.isEmpty else { return try await again(problems, version: version) }
        if case .scheduleMeeting(let meeting) = command,
            let warning = MeetingDateWarning.warning(for: meeting, calendar: dispute.loaded.calendar, now: request.now),
            sent.text("confirm") != MeetingDateWarning.confirmation(meeting)
        {
            var warned = form
            warned.hidden["confirm"] = MeetingDateWarning.confirmation(meeting)
            return try await render(
                request, action, dispute, warned, version: version, token: token, errors: FormErrors(), changes: [],
                warning: "\(warning) Check that everyone can attend. To keep it, choose ‘\(form.submit)’ again.",
                status: .ok)
        }
        do {
            _ = try await request.concord.disputes.perform(
                command, on: dispute.id, expectedVersion: version, by: actor, at: request.now,
                submission: .init(token: token, account: dispute.account.id))
        } catch StoreError.duplicateSubmission {
            return request.redirect(to: .dispute(.value(dispute.id)), notice: .duplicate)
        } catch StoreError.conflict(_, let current, _) {
            let changes = try dispute.loaded.events.filter { $0.content.disputeVersion > version }
                .map { try TimelineEntry($0, policy: dispute.loaded.policy) }
            return try await again(FormErrors(), version: current, changes: changes)
        } catch StoreError.refused(let refusal) {
            var errors = FormErrors()
            errors.add(form.fields.first?.name ?? "", Self.sentence(refusal.description(in: dispute.loaded.policy)))
            return try await again(errors, version: version)
        }
        try await request.logAccess(dispute, action.title.lowercased())
        return request.redirect(to: .dispute(.value(dispute.id)), notice: .recorded)
    }

    private func render(
        _ request: Request, _ action: DisputeAction, _ dispute: VisibleDispute, _ form: ActionForm, version: Int,
        token: String, errors: FormErrors, changes: [TimelineEntry], warning: String? = nil, status: HTTPStatus
    ) async throws -> Response {
        var fields = form.fields
        let linked = errors.apply(to: &fields)
        let hidden =
            [
                ActionPage.Hidden(name: "version", value: String(version)),
                ActionPage.Hidden(name: "token", value: token),
            ]
            + form.hidden.sorted { $0.key < $1.key }.map { ActionPage.Hidden(name: $0.key, value: $0.value) }
        let reference = dispute.loaded.state.reference
        let page = ActionPage(
            title: action.title, reference: reference, disputeHref: SiteRoute.dispute(.value(dispute.id)).path,
            postHref: SiteRoute.action(.value(dispute.id), action).path, intro: form.intro, fields: fields,
            hidden: hidden, submit: form.submit, errors: linked, hasErrors: !linked.isEmpty, changes: changes,
            hasChanges: !changes.isEmpty, warning: warning)
        let title = (linked.isEmpty ? "" : "Error: ") + "\(action.title) – \(reference)"
        return try await request.page("dispute-action", title: title, page, status: status)
    }

    /// The engine's refusals are lower-case clauses; pages show sentences.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension Request {
    /// Who the step is recorded as: the account's person, or for a partnership account with no
    /// person in the directory, the account itself on the partnership's side.
    func actor(for dispute: VisibleDispute) async throws -> PersonRef {
        if let id = dispute.account.personID, let person = try await concord.directory.person(id: id) {
            return person.ref
        }
        let raised = dispute.loaded.state.raised
        return PersonRef(
            id: dispute.account.id.uuidString, name: dispute.account.name,
            agency: AgencyRef(id: raised.partnershipID, name: raised.partnership), level: .partnershipBusinessOffice)
    }
}
