import ConcordStore
import Vapor

/// Each person chooses whether Concord e-mails them as things happen or once a day.
struct MailSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.mailSettings, use: show)
        routes.post(.mailSettings, use: save)
    }

    private func person(_ request: Request) throws -> UUID {
        let account = try request.requireAccount()
        guard account.role.actsAsPerson, let person = account.personID else { throw Abort(.notFound) }
        return person
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let digest = try await request.concord.mailPreferences.prefersDigest(person: try person(request))
        return try await render(request, digest: digest ? "daily" : "each", errors: FormErrors())
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let person = try person(request)
        let choice = FormValues(request).text("delivery")
        guard choice == "each" || choice == "daily" else {
            var errors = FormErrors()
            errors.add("delivery", "Select how you want to receive Concord's e-mails")
            return try await render(request, digest: "", errors: errors)
        }
        try await request.concord.mailPreferences.setDigest(person: person, choice == "daily")
        return request.redirect(to: .mailSettings, notice: .saved)
    }

    private func render(_ request: Request, digest: String, errors: FormErrors) async throws -> Response {
        var fields = [
            FormField(
                .radios, name: "delivery", label: "How do you want to receive Concord's e-mails?",
                hint: "A concern about significant harm is always sent to you at once, whichever you choose.",
                options: [
                    .option(
                        "each", "Each message as it happens", hint: "Confirmations, notices and reminders one by one",
                        selected: digest == "each"),
                    .option(
                        "daily", "One message a day",
                        hint: "A daily digest each working morning, holding everything since the last one",
                        selected: digest == "daily"),
                ])
        ]
        fields[0].isPageHeading = true
        let linked = errors.apply(to: &fields)
        let page = RaiseController.FormPage(
            heading: "", caption: "E-mail settings", intro: nil, postHref: SiteRoute.mailSettings.path,
            fields: fields, token: "", submit: "Save", errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "form", title: (errors.isEmpty ? "" : "Error: ") + "E-mail settings", page,
            status: errors.isEmpty ? .ok : .unprocessableEntity, notice: errors.isEmpty ? request.notice : nil)
    }
}
