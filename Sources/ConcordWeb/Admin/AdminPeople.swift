import ConcordCore
import ConcordStore
import Vapor

/// People in the directory and their line managers, who see their disputes and are who they
/// escalate to.
struct AdminPeople: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminPeople, use: list)
        routes.get(.adminNewPerson, use: newForm)
        routes.checkingAnswers.post(.adminNewPerson, use: add)
        routes.get(.adminPerson(.key), use: show)
        routes.post(.adminPerson(.key), use: setManager)
        routes.post(.adminPersonCapacity(.key, capacity: .key), use: setCapacity)
    }

    struct Row: Encodable {
        var name: String
        var href: String
        var agency: String
        var level: String
        var manager: String
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var hasRows: Bool
        var backHref = SiteRoute.admin.path
        var newHref = SiteRoute.adminNewPerson.path
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let people = try await request.concord.directory.people()
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) })
        let rows = people.map { person in
            Row(
                name: person.name, href: SiteRoute.adminPerson(.value(person.id)).path, agency: person.agency.name,
                level: person.level.displayName, manager: person.lineManagerID.flatMap { names[$0] } ?? "")
        }
        return try await request.page(
            "admin/people", title: "People", ListPage(rows: rows, hasRows: !rows.isEmpty), notice: request.notice)
    }

    /// A choice of line manager: anyone but the person, their own agency's people first.
    static func managerField(
        _ people: [Directory.Person], for person: Directory.Person?, agency: String?, selected: String
    ) -> FormField {
        let candidates = people.filter { $0.id != person?.id }.sorted { a, b in
            let (x, y) = (a.agency.id == agency, b.agency.id == agency)
            return x != y ? x : (a.agency.name, a.name) < (b.agency.name, b.name)
        }
        return FormField(
            .select, name: "manager", label: "Line manager (optional)",
            hint: "They see this person's disputes, and are who the person escalates to.",
            options: [.option("", "No line manager", selected: selected.isEmpty)]
                + candidates.map {
                    .option(
                        $0.id.uuidString, "\($0.name), \($0.level.displayName), \($0.agency.name)",
                        selected: selected == $0.id.uuidString)
                })
    }

    private func form(_ request: Request, _ sent: FormValues?, errors: FormErrors) async throws -> AdminFormPage {
        let directory = request.concord.directory
        let agencies = try await directory.agencies()
        let people = try await directory.people()
        let agency = sent?.text("agency") ?? ""
        let level = sent?.text("level") ?? ""
        let fields = [
            FormField(.text, name: "name", label: "Full name", value: sent?.text("name") ?? "", autocomplete: "off"),
            FormField(
                .email, name: "email", label: "E-mail address (optional)", value: sent?.text("email") ?? "",
                autocomplete: "off"),
            FormField(
                .select, name: "agency", label: "Agency",
                options: [.option("", "Choose an agency", selected: agency.isEmpty)]
                    + agencies.map { .option($0.id.uuidString, $0.name, selected: agency == $0.id.uuidString) }),
            FormField(
                .radios, name: "level", label: "What is their level?",
                options: RoleLevel.allCases.map { .option($0.rawValue, $0.displayName, selected: level == $0.rawValue) }
            ),
            Self.managerField(people, for: nil, agency: agency, selected: sent?.text("manager") ?? ""),
        ]
        return AdminFormPage(
            heading: "Add a person", back: Link(text: "Back to people", href: SiteRoute.adminPeople.path),
            postHref: SiteRoute.adminNewPerson.path, fields: fields, submit: "Add person", errors: errors)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        try await request.adminForm(form(request, nil, errors: FormErrors()))
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let directory = request.concord.directory
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let name = sent.text("name")
        let email = sent.optional("email")
        let agency = try await directory.agencies().first { $0.id.uuidString == sent.text("agency") }
        let level = RoleLevel(rawValue: sent.text("level"))
        let manager = try await directory.people().first { $0.id.uuidString == sent.text("manager") }
        if name.isEmpty { errors.add("name", "Enter the person's full name") }
        if let email, let problem = EmailAddress.problem(email) { errors.add("email", problem) }
        if agency == nil { errors.add("agency", "Select the person's agency") }
        if level == nil { errors.add("level", "Select the person's level") }
        if !sent.text("manager").isEmpty, manager == nil {
            errors.add("manager", "Select a line manager from the list")
        }
        guard errors.isEmpty, let agency, let level else {
            return try await request.adminForm(form(request, sent, errors: errors))
        }
        try await directory.addPerson(
            name: name, email: email, agency: agency.ref, level: level, lineManager: manager?.ref)
        return request.redirect(to: .adminPeople, notice: .saved)
    }
}
