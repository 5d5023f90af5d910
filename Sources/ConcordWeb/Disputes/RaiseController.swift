import ConcordCore
import ConcordStore
import Vapor

/// Raising a dispute: choose the partnership (when the raiser's agency belongs to several),
/// then one form whose questions follow that partnership's policy.
struct RaiseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.choosePartnership, use: choose)
        routes.post(.choosePartnership, use: chosen)
        routes.get(.raise(partnership: .key), use: form)
        routes.checkingAnswers.post(.raise(partnership: .key), use: raise)
    }

    struct FormPage: Encodable {
        var heading: String
        var caption: String?
        var intro: String?
        var postHref: String
        var fields: [FormField]
        var token: String
        var submit: String
        var errors: FormErrors
        var hasErrors: Bool
    }

    /// The raiser, and the partnerships their agency belongs to whose protocol lets them raise.
    private func raiser(_ request: Request) async throws -> (Directory.Person, [Directory.Partnership]) {
        let account = try request.requireAccount()
        let directory = request.concord.directory
        guard account.role.actsAsPerson, let id = account.personID, let person = try await directory.person(id: id)
        else { throw Abort(.forbidden) }
        let agency = try await directory.agencies().first { $0.id.uuidString == person.agency.id }
        var partnerships: [Directory.Partnership] = []
        let today = LondonTime.date(of: request.now)
        for partnership in try await directory.partnerships()
        where agency?.partnerships.contains(partnership.id) ?? false {
            let procedures = try await directory.currentPolicies(partnership: partnership.id, on: today)
            guard procedures.contains(where: { RaiseForm.mayRaise(person, under: $0.policy) }) else { continue }
            partnerships.append(partnership)
        }
        return (person, partnerships)
    }

    @Sendable func choose(_ request: Request) async throws -> Response {
        let (_, partnerships) = try await raiser(request)
        if partnerships.isEmpty {
            return try await request.page(
                "message", title: "You cannot raise a dispute here",
                MessagePage(
                    heading: "You cannot raise a dispute here",
                    paragraphs: [
                        "Your partnership's protocol is for disputes between partner agencies about the partnership itself, which are raised by the agency lead.",
                        "Speak to your agency's lead if you have a concern about the partnership's work.",
                    ], link: Link(text: "Go to my work", href: SiteRoute.myWork.path)),
                status: .forbidden)
        }
        if partnerships.count == 1 { return request.redirect(to: .raise(partnership: .value(partnerships[0].slug))) }
        return try await renderChoice(request, partnerships, errors: FormErrors(), status: .ok)
    }

    @Sendable func chosen(_ request: Request) async throws -> Response {
        let (_, partnerships) = try await raiser(request)
        let slug = FormValues(request).text("partnership")
        guard partnerships.contains(where: { $0.slug == slug }) else {
            var errors = FormErrors()
            errors.add("partnership", "Select the partnership whose protocol applies")
            return try await renderChoice(request, partnerships, errors: errors, status: .unprocessableEntity)
        }
        return request.redirect(to: .raise(partnership: .value(slug)))
    }

    private func renderChoice(
        _ request: Request, _ partnerships: [Directory.Partnership], errors: FormErrors, status: HTTPStatus
    ) async throws -> Response {
        var field = FormField(
            .radios, name: "partnership", label: "Which partnership's protocol applies?",
            hint: "Usually the partnership for the area where the child lives.",
            options: partnerships.map { .option($0.slug, $0.name) })
        field.isPageHeading = true
        var fields = [field]
        let linked = errors.apply(to: &fields)
        return try await request.page(
            "form", title: (errors.isEmpty ? "" : "Error: ") + "Raise a dispute",
            FormPage(
                heading: "", caption: "Raise a dispute", intro: nil, postHref: SiteRoute.choosePartnership.path,
                fields: fields, token: "", submit: "Continue", errors: linked, hasErrors: !linked.isEmpty),
            status: status)
    }

    /// The form for the partnership's procedure: the one chosen in the address (`?procedure=`),
    /// or its only one; nil when it runs several and none is chosen yet.
    private func raiseForm(_ request: Request) async throws -> (form: RaiseForm?, choices: [Policy], slug: String) {
        let (person, partnerships) = try await raiser(request)
        guard let slug = request.parameters.get("partnership"),
            let partnership = partnerships.first(where: { $0.slug == slug })
        else { throw Abort(.notFound) }
        let directory = request.concord.directory
        let procedures = try await directory.currentPolicies(
            partnership: partnership.id, on: LondonTime.date(of: request.now)
        ).map(\.policy).filter { RaiseForm.mayRaise(person, under: $0) }
        let chosen = request.query[String.self, at: "procedure"]
        let policy = procedures.count == 1 ? procedures.first : procedures.first { $0.id == chosen }
        guard let policy else { return (nil, procedures, slug) }
        let form = RaiseForm(
            partnership: partnership, policy: policy, raiser: person, agencies: try await directory.agencies(),
            people: try await directory.people(), several: procedures.count > 1)
        return (form, procedures, slug)
    }

    struct ProcedurePage: Encodable {
        struct Choice: Encodable {
            var name: String
            var appliesTo: String?
            var href: String
        }
        var partnership: String
        var procedures: [Choice]
    }

    /// Where a partnership runs several procedures, the raiser first picks the one for the
    /// disagreement: a list of links, so it works without scripts.
    private func chooseProcedure(_ request: Request, slug: String, _ procedures: [Policy]) async throws -> Response {
        let partnership = try await request.concord.directory.partnership(slug: slug)
        let path = SiteRoute.raise(partnership: .value(slug)).path
        return try await request.page(
            "choose-procedure", title: "Which procedure applies?",
            ProcedurePage(
                partnership: partnership?.name ?? slug,
                procedures: procedures.map {
                    .init(name: $0.name, appliesTo: $0.appliesTo, href: path + "?procedure=" + $0.id)
                }))
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let (chosen, procedures, slug) = try await raiseForm(request)
        guard let form = chosen else { return try await chooseProcedure(request, slug: slug, procedures) }
        let token = try await request.formTokens().submission(for: try request.requireAccount().id)
        return try await render(request, form, sent: nil, token: token, errors: FormErrors(), status: .ok)
    }

    @Sendable func raise(_ request: Request) async throws -> Response {
        let (chosen, procedures, slug) = try await raiseForm(request)
        guard let form = chosen else { return try await chooseProcedure(request, slug: slug, procedures) }
        let sent = FormValues(request)
        let account = try request.requireAccount()
        let tokens = try await request.formTokens()
        let fields = form.fields(sent)
        var errors = sent.characterProblems(for: fields)
        let token = tokens.checked(sent.text("token"), for: account.id)
        if token == nil { errors.add(fields.first?.name ?? "", FormTokens.refusal) }
        let outcome = form.command(sent, today: LondonTime.date(of: request.now))
        if case .failure(let list) = outcome { errors.add(list.errors) }
        guard errors.isEmpty, let token, case .success(let command) = outcome else {
            return try await render(
                request, form, sent: sent, token: token ?? tokens.submission(for: account.id), errors: errors,
                status: .unprocessableEntity)
        }
        let raised: DisputeStore.Loaded
        do {
            raised = try await request.concord.disputes.raise(
                command, partnership: form.partnership.id, procedure: form.policy.id, at: request.now,
                submission: .init(token: token, account: account.id))
        } catch StoreError.duplicateSubmission(let id) {
            return request.redirect(to: .dispute(.value(id)), onceNotice: .duplicate)
        } catch StoreError.refused(let refusal) {
            var errors = FormErrors()
            errors.add("agency", DisputeActionController.sentence(refusal.description(in: form.policy)))
            return try await render(
                request, form, sent: sent, token: token, errors: errors, status: .unprocessableEntity)
        }
        try await request.concord.accessLog.record(dispute: raised.id, by: account, action: "raised", at: request.now)
        return request.redirect(to: .dispute(.value(raised.id)), onceNotice: .raised)
    }

    private func render(
        _ request: Request, _ form: RaiseForm, sent: FormValues?, token: String, errors: FormErrors, status: HTTPStatus
    ) async throws -> Response {
        var fields = form.fields(sent)
        let linked = errors.apply(to: &fields)
        let page = FormPage(
            heading: "Raise a dispute", caption: form.partnership.name,
            intro:
                "\(form.policy.name): \(form.policy.stages.first?.title ?? "") is the first stage. Everyone you name will see the dispute.",
            postHref: SiteRoute.raise(partnership: .value(form.partnership.slug)).path
                + (form.several ? "?procedure=" + form.policy.id : ""), fields: fields, token: token,
            submit: "Raise dispute", errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "form", title: (errors.isEmpty ? "" : "Error: ") + "Raise a dispute", page, status: status)
    }
}
