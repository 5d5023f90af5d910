import ConcordCore
import ConcordStore
import Vapor

/// One account: disabling or enabling it, and setting a new password.
struct AdminAccount: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminAccount(.key), use: show)
        routes.post(.adminAccountStatus(.key), use: setStatus)
        routes.checkingAnswers.post(.adminAccountPassword(.key), use: setPassword)
    }

    struct Detail: Encodable {
        var label: String
        var value: String
    }

    struct AccountPage: Encodable {
        var email: String
        var disabled: Bool
        var backHref = SiteRoute.adminAccounts.path
        var details: [Detail]
        var statusHref: String
        var passwordHref: String
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    /// A password as typed, untrimmed: sign-in compares exactly what is typed.
    static func password(_ request: Request, _ name: String) -> String {
        (try? request.content.get(String.self, at: name)) ?? ""
    }

    /// Checks the `password` and `confirm` fields.
    static func checkPassword(_ request: Request, _ errors: inout FormErrors) {
        let password = Self.password(request, "password")
        if password.isEmpty {
            errors.add("password", "Enter a password")
        } else if password.count < Passwords.minimumLength {
            errors.add("password", "Password must be at least \(Passwords.minimumLength) characters")
        } else if password != Self.password(request, "confirm") {
            errors.add("confirm", "The passwords do not match")
        }
    }

    private func loadAccount(_ request: Request) async throws -> Account {
        guard let account = try await request.concord.accounts.find(id: try request.uuid("account")) else {
            throw Abort(.notFound)
        }
        return account
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, try await loadAccount(request), errors: FormErrors())
    }

    @Sendable func setStatus(_ request: Request) async throws -> Response {
        let account = try await loadAccount(request)
        let disable = FormValues(request).text("disabled") == "true"
        if disable, account.id == request.account?.id {
            var errors = FormErrors()
            errors.add("status", "You cannot disable the account you are signed in with")
            return try await render(request, account, errors: errors)
        }
        try await request.concord.accounts.setDisabled(account.id, disable)
        return request.redirect(to: .adminAccount(.value(account.id)), notice: .saved)
    }

    @Sendable func setPassword(_ request: Request) async throws -> Response {
        let account = try await loadAccount(request)
        var errors = FormValues(request).characterProblems(multiline: [])
        Self.checkPassword(request, &errors)
        guard errors.isEmpty else { return try await render(request, account, errors: errors) }
        let services = request.concord
        let hash = try await Passwords.hash(
            Self.password(request, "password"), cost: services.settings.bcryptCost, on: request)
        try await services.accounts.setPassword(account.id, hash: hash)
        // Whoever knew the old password is signed out; the administrator keeps their own session.
        try await services.accounts.endSessions(account.id, keeping: request.webSession?.token)
        return request.redirect(to: .adminAccount(.value(account.id)), notice: .saved)
    }

    private func render(_ request: Request, _ account: Account, errors: FormErrors) async throws -> Response {
        let directory = request.concord.directory
        let person = try await account.personID.asyncMap { try await directory.person(id: $0) } ?? nil
        let partnership = try await account.partnershipID.asyncMap { try await directory.partnership(id: $0) } ?? nil
        let details = [
            Detail(label: "Name", value: account.name),
            Detail(label: "Role", value: account.role.displayName),
            Detail(label: "Person", value: person.map { "\($0.name), \($0.agency.name)" } ?? "None"),
            Detail(label: "Partnership", value: partnership?.name ?? "None"),
            Detail(label: "Status", value: account.disabled ? "Disabled: cannot sign in" : "Active"),
        ]
        var fields = [
            FormField(
                .password, name: "password", label: "New password",
                hint: "At least \(Passwords.minimumLength) characters. Setting it signs them out everywhere.",
                autocomplete: "new-password"),
            FormField(.password, name: "confirm", label: "Confirm new password", autocomplete: "new-password"),
        ]
        let linked = errors.apply(to: &fields)
        let page = AccountPage(
            email: account.email, disabled: account.disabled,
            details: details, statusHref: SiteRoute.adminAccountStatus(.value(account.id)).path,
            passwordHref: SiteRoute.adminAccountPassword(.value(account.id)).path, fields: fields, errors: linked,
            hasErrors: !linked.isEmpty)
        return try await request.page(
            "admin/account", title: (errors.isEmpty ? "" : "Error: ") + account.email, page,
            status: errors.isEmpty ? .ok : .unprocessableEntity, notice: errors.isEmpty ? request.notice : nil)
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
