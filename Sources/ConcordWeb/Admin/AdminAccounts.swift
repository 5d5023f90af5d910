import ConcordCore
import ConcordStore
import Vapor

/// Sign-in accounts: the list, and adding one. Password hashes never leave the store.
struct AdminAccounts: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminAccounts, use: list)
        routes.get(.adminNewAccount, use: newForm)
        routes.checkingAnswers.post(.adminNewAccount, use: add)
    }

    struct Row: Encodable {
        var email: String
        var href: String
        var name: String
        var role: String
        var person: String
        var partnership: String
        var disabled: Bool
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var hasRows: Bool
        var backHref = SiteRoute.admin.path
        var newHref = SiteRoute.adminNewAccount.path
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let directory = request.concord.directory
        let people = Dictionary(uniqueKeysWithValues: try await directory.people().map { ($0.id, $0) })
        let partnerships = Dictionary(uniqueKeysWithValues: try await directory.partnerships().map { ($0.id, $0.name) })
        let rows = try await request.concord.accounts.all().map { account in
            Row(
                email: account.email, href: SiteRoute.adminAccount(.value(account.id)).path, name: account.name,
                role: account.role.displayName,
                person: account.personID.flatMap { people[$0] }.map { "\($0.name), \($0.agency.name)" } ?? "",
                partnership: account.partnershipID.flatMap { partnerships[$0] } ?? "", disabled: account.disabled)
        }
        return try await request.page(
            "admin/accounts", title: "Accounts", ListPage(rows: rows, hasRows: !rows.isEmpty), notice: request.notice)
    }

    static func roleHint(_ role: AccountRole) -> String? {
        if role.actsAsPerson { return "Takes part in disputes as the person chosen below" }
        if role.mayBePerson {
            return
                "Sees every dispute in the partnership chosen below; choose the person they are, so Concord's e-mail reaches them"
        }
        if role.isPartnershipWide { return "Sees every dispute in the partnership chosen below" }
        if role == .administrator { return "Manages partnerships, people and accounts; sees no dispute" }
        return nil
    }

    private func form(_ request: Request, _ sent: FormValues?, errors: FormErrors) async throws -> AdminFormPage {
        let directory = request.concord.directory
        let people = try await directory.people().sorted { ($0.agency.name, $0.name) < ($1.agency.name, $1.name) }
        let partnerships = try await directory.partnerships()
        let role = sent?.text("role") ?? ""
        let person = sent?.text("person") ?? ""
        let partnership = sent?.text("partnership") ?? ""
        let fields = [
            FormField(
                .email, name: "email", label: "E-mail address", hint: "They sign in with this",
                value: sent?.text("email") ?? "", autocomplete: "off"),
            FormField(.text, name: "name", label: "Full name", value: sent?.text("name") ?? "", autocomplete: "off"),
            FormField(
                .radios, name: "role", label: "What is their role?",
                options: AccountRole.allCases.map {
                    .option($0.rawValue, $0.displayName, hint: Self.roleHint($0), selected: role == $0.rawValue)
                }),
            FormField(
                .select, name: "person", label: "Which person in the directory is this?",
                hint: "Needed for practitioners, managers and senior managers.",
                options: [.option("", "Not a person in disputes", selected: person.isEmpty)]
                    + people.map {
                        .option(
                            $0.id.uuidString, "\($0.name), \($0.level.displayName), \($0.agency.name)",
                            selected: person == $0.id.uuidString)
                    }),
            FormField(
                .select, name: "partnership", label: "Which partnership?",
                hint: "Needed for the business office, scrutineers and auditors.",
                options: [.option("", "None", selected: partnership.isEmpty)]
                    + partnerships.map {
                        .option($0.id.uuidString, $0.name, selected: partnership == $0.id.uuidString)
                    }),
            FormField(
                .password, name: "password", label: "Password",
                hint: "At least \(Passwords.minimumLength) characters. Give it to them in person or by telephone.",
                autocomplete: "new-password"),
            FormField(.password, name: "confirm", label: "Confirm password", autocomplete: "new-password"),
        ]
        return AdminFormPage(
            heading: "Add an account", back: Link(text: "Back to accounts", href: SiteRoute.adminAccounts.path),
            postHref: SiteRoute.adminNewAccount.path, fields: fields, submit: "Add account", errors: errors)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        try await request.adminForm(form(request, nil, errors: FormErrors()))
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let services = request.concord
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let email = Accounts.normalise(sent.text("email"))
        let name = sent.text("name")
        let role = AccountRole(rawValue: sent.text("role"))
        let person = try await services.directory.people().first { $0.id.uuidString == sent.text("person") }
        let partnership = try await services.directory.partnerships().first {
            $0.id.uuidString == sent.text("partnership")
        }
        if email.isEmpty {
            errors.add("email", "Enter the e-mail address they will sign in with")
        } else if let problem = EmailAddress.problem(email) {
            errors.add("email", problem)
        } else if try await services.accounts.find(email: email) != nil {
            errors.add("email", FormErrors.sentence(AccountError.emailTaken(email).description))
        }
        if name.isEmpty { errors.add("name", "Enter their full name") }
        if role == nil { errors.add("role", "Select their role") }
        if let role, role.actsAsPerson, person == nil {
            errors.add("person", FormErrors.sentence(AccountError.personRequired(role).description))
        }
        if let role, role.isPartnershipWide, partnership == nil {
            errors.add("partnership", FormErrors.sentence(AccountError.partnershipRequired(role).description))
        }
        AdminAccount.checkPassword(request, &errors)
        guard errors.isEmpty, let role else { return try await request.adminForm(form(request, sent, errors: errors)) }
        let hash = try await Passwords.hash(sent.text("password"), cost: services.settings.bcryptCost, on: request)
        do {
            try await services.accounts.create(
                email: email, name: name, role: role, passwordHash: hash, person: person?.id,
                partnership: partnership?.id, at: request.now)
        } catch let error as AccountError {
            let field =
                switch error {
                case .emailTaken, .invalidEmail: "email"
                case .personRequired: "person"
                case .partnershipRequired: "partnership"
                }
            errors.add(field, FormErrors.sentence(error.description))
            return try await request.adminForm(form(request, sent, errors: errors))
        }
        return request.redirect(to: .adminAccounts, notice: .saved)
    }
}
