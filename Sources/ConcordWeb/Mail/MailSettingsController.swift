import ConcordStore
import Vapor

/// Each person chooses whether Concord e-mails them as things happen or once a day.
struct MailSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.mailSettings, use: show)
        routes.post(.mailSettings, use: save)
    }

    /// Concord e-mails people in the directory; a sign-in that is not one receives nothing.
    private func person(_ request: Request) throws -> UUID? {
        try request.requireAccount().personID
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        guard let person = try person(request) else { return try await noMail(request) }
        let digest = try await request.concord.mailPreferences.prefersDigest(person: person)
        return try await render(request, digest: digest ? "daily" : "each", errors: FormErrors())
    }

    private func noMail(_ request: Request) async throws -> Response {
        try await request.page(
            "message", title: "E-mail settings",
            MessagePage(
                heading: "E-mail settings",
                paragraphs: [
                    "Concord sends its messages to people in the partnership's directory. This sign-in is not one of them, so Concord sends it no e-mail and there is nothing to choose.",
                    "If you should receive Concord's e-mails, ask an administrator to link your account to your entry in the directory.",
                ], link: Link(text: "Go to my work", href: SiteRoute.myWork.path)))
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        guard let person = try person(request) else { throw Abort(.notFound) }
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
