import ConcordStore
import Vapor

struct SignInController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.get(.signIn, use: form)
        routes.checkingAnswers.post(.signIn, use: signIn)
        routes.post(.signOut, use: signOut)
        routes.get(.sessionExpired, use: ended)
    }

    struct SignInPage: Encodable {
        var action = SiteRoute.signIn.path
        var next: String
        var message: String?
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    @Sendable func home(_ request: Request) async throws -> Response {
        request.redirect(
            to: request.account == nil ? .signIn : (request.account?.role == .administrator ? .admin : .myWork))
    }

    @Sendable func form(_ request: Request) async throws -> Response {
        if request.account != nil { return request.redirect(to: .myWork) }
        let signedOut = (try? request.query.get(String.self, at: "signed-out")) != nil
        return try await render(
            request, email: "", next: safeNext(try? request.query.get(String.self, at: "next")),
            message: signedOut ? "You have signed out." : nil, errors: FormErrors(), status: .ok)
    }

    @Sendable func signIn(_ request: Request) async throws -> Response {
        let sent = FormValues(request)
        let email = Accounts.normalise(sent.text("email"))
        let password = sent.untrimmed("password")
        let next = safeNext(sent.optional("next"))
        // Before anything is looked up or counted, as the address becomes a throttle key; `next`
        // is not the person's typing, and `safeNext` drops any address it could not follow.
        var errors = sent.characterProblems(multiline: [], ignoring: ["next"])
        if email.isEmpty { errors.add("email", "Enter your e-mail address") }
        if password.isEmpty { errors.add("password", "Enter your password") }
        guard errors.isEmpty else {
            return try await render(request, email: email, next: next, errors: errors)
        }

        let services = request.concord
        let attempt = try await SignInAttempt.begin(request, email: email)
        if let until = attempt.lockedUntil {
            let minutes = max(1, Int((until.timeIntervalSince(request.now) / 60).rounded(.up)))
            errors.add(
                "email",
                "Too many failed attempts to sign in. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again")
            return try await render(request, email: email, next: next, errors: errors, status: .tooManyRequests)
        }
        let account = try await services.accounts.find(email: email)
        var hash = account?.passwordHash ?? ""
        if account == nil { hash = try await Passwords.decoy(cost: services.settings.bcryptCost, on: request) }
        let matches = try await Passwords.verify(password, hash: hash, on: request)
        guard let account, matches, !account.disabled else {
            errors.add("email", "Enter a correct e-mail address and password")
            return try await render(request, email: email, next: next, errors: errors, status: .unauthorized)
        }
        try await attempt.succeeded()
        try await request.signIn(account)
        if account.role == .administrator { return request.redirect(to: .admin) }
        return request.redirect(to: next.isEmpty ? SiteRoute.myWork.path : next, redirectType: .normal)
    }

    @Sendable func signOut(_ request: Request) async throws -> Response {
        try await request.signOut()
        return request.redirect(to: SiteRoute.signIn.path + "?signed-out=1", redirectType: .normal)
    }

    @Sendable func ended(_ request: Request) async throws -> Response {
        if request.webSession != nil, request.account == nil { request.cookieToSet = "" }
        let minutes = Int(request.concord.settings.sessionIdleTimeout / 60)
        return try await request.page(
            "message", title: "Your session has ended",
            MessagePage(
                heading: "Your session has ended",
                paragraphs: [
                    "To keep information about children safe, Concord signs you out after \(minutes) minutes without activity, or when you sign in on another browser or device.",
                    "Anything you had not submitted was not saved.",
                ], link: Link(text: "Sign in again", href: SiteRoute.signIn.path)))
    }

    private func render(
        _ request: Request, email: String, next: String, message: String? = nil, errors: FormErrors,
        status: HTTPStatus = .unprocessableEntity
    ) async throws -> Response {
        var fields = [
            FormField(.email, name: "email", label: "E-mail address", value: email, autocomplete: "username"),
            FormField(.password, name: "password", label: "Password", autocomplete: "current-password"),
        ]
        let linked = errors.apply(to: &fields)
        let title = errors.isEmpty ? "Sign in" : "Error: Sign in"
        return try await request.page(
            "sign-in", title: title,
            SignInPage(
                next: next, message: message, fields: fields, errors: linked, hasErrors: !linked.isEmpty),
            status: status)
    }

    /// Only a path on this site, so the sign-in page cannot be used to send people elsewhere.
    private func safeNext(_ next: String?) -> String {
        // Browsers drop tabs and newlines from a Location, so "/\t/evil.example" would leave the site.
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            next.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
        else { return "" }
        return next
    }
}
