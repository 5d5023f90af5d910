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
        routes.post(.raise(partnership: .key), use: raise)
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
        for partnership in try await directory.partnerships()
        where agency?.partnerships.contains(partnership.id) ?? false {
            guard let policy = try await directory.currentPolicy(partnership: partnership.id)?.policy,
                RaiseForm.mayRaise(person, under: policy)
            else { continue }
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

    private func raiseForm(_ request: Request) async throws -> RaiseForm {
        let (person, partnerships) = try await raiser(request)
        guard let slug = request.parameters.get("partnership"),
            let partnership = partnerships.first(where: { $0.slug == slug }),
            let policy = try await request.concord.directory.currentPolicy(partnership: partnership.id)?.policy
        else { throw Abort(.notFound) }
        let directory = request.concord.directory
        return RaiseForm(
            partnership: partnership, policy: policy, raiser: person, agencies: try await directory.agencies(),
            people: try await directory.people())
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        let form = try await raiseForm(request)
        return try await render(request, form, sent: nil, token: UUID().uuidString, errors: FormErrors(), status: .ok)
    }

    @Sendable func raise(_ request: Request) async throws -> Response {
        let form = try await raiseForm(request)
        let sent = FormValues(request)
        let token = sent.text("token").isEmpty ? UUID().uuidString : sent.text("token")
        let command: RaiseDispute
        switch form.command(sent, today: LondonTime.date(of: request.now)) {
        case .failure(let list):
            return try await render(
                request, form, sent: sent, token: token, errors: list.errors, status: .unprocessableEntity)
        case .success(let made): command = made
        }
        let account = try request.requireAccount()
        let raised: DisputeStore.Loaded
        do {
            raised = try await request.concord.disputes.raise(
                command, partnership: form.partnership.id, at: request.now,
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
            postHref: SiteRoute.raise(partnership: .value(form.partnership.slug)).path, fields: fields, token: token,
            submit: "Raise dispute", errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "form", title: (errors.isEmpty ? "" : "Error: ") + "Raise a dispute", page, status: status)
    }
}
