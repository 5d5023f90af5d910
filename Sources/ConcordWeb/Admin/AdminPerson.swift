import ConcordCore
import ConcordStore
import Vapor

/// One person's page: who they are, and changing their line manager.
extension AdminPeople {
    struct Detail: Encodable {
        var label: String
        var value: String
    }

    struct PersonPage: Encodable {
        var name: String
        var backHref = SiteRoute.adminPeople.path
        var details: [Detail]
        var postHref: String
        var fields: [FormField]
        var leadHref: String
        var isLead: Bool
        var capacities: [CapacityToggle]
        var errors: FormErrors
        var hasErrors: Bool
    }

    /// Whether someone is an IRO or an Early Help professional: protocols require people in these
    /// capacities, and only those recorded here can take part in them.
    struct CapacityToggle: Encodable {
        var name: String
        var id: String
        var href: String
        var holds: Bool
    }

    static let toggled: [Capacity] = [.independentReviewingOfficer, .earlyHelpProfessional]

    @Sendable func setCapacity(_ request: Request) async throws -> Response {
        let person = try await loadPerson(request)
        guard let capacity = Capacity(rawValue: request.parameters.get("capacity") ?? ""),
            Self.toggled.contains(capacity)
        else { throw Abort(.notFound) }
        try await request.concord.directory.setCapacity(
            capacity, person: person.id, holds: FormValues(request).text("holds") == "yes")
        return request.redirect(to: .adminPerson(.value(person.id)), notice: .saved)
    }

    private func loadPerson(_ request: Request) async throws -> Directory.Person {
        guard let person = try await request.concord.directory.person(id: try request.uuid("person")) else {
            throw Abort(.notFound)
        }
        return person
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        try await render(request, try await loadPerson(request), selected: nil, errors: FormErrors())
    }

    @Sendable func setManager(_ request: Request) async throws -> Response {
        let person = try await loadPerson(request)
        let chosen = FormValues(request).text("manager")
        var errors = FormErrors()
        let manager: UUID?
        if chosen.isEmpty {
            manager = nil
        } else if let id = UUID(uuidString: chosen), try await request.concord.directory.person(id: id) != nil {
            manager = id
        } else {
            errors.add("manager", "Select a line manager from the list")
            return try await render(request, person, selected: chosen, errors: errors)
        }
        do {
            try await request.concord.directory.setLineManager(person: person.id, manager: manager)
        } catch let error as DirectoryError {
            errors.add("manager", FormErrors.sentence(error.description))
            return try await render(request, person, selected: chosen, errors: errors)
        }
        return request.redirect(to: .adminPerson(.value(person.id)), notice: .saved)
    }

    private func render(
        _ request: Request, _ person: Directory.Person, selected: String?, errors: FormErrors
    ) async throws -> Response {
        let people = try await request.concord.directory.people()
        let manager = person.lineManagerID.flatMap { id in people.first { $0.id == id } }
        let accounts = try await request.concord.accounts.forPerson(person.id)
        let details =
            [
                Detail(label: "Agency", value: person.agency.name),
                Detail(label: "Level", value: person.level.displayName),
                Detail(label: "E-mail address", value: person.email ?? "None"),
                Detail(label: "Line manager", value: manager.map { "\($0.name), \($0.agency.name)" } ?? "None"),
                Detail(label: "Designated safeguarding lead", value: person.designatedLead ? "Yes" : "No"),
            ]
            + Self.toggled.map { capacity in
                Detail(label: Formatting.capacity(capacity), value: person.capacities.contains(capacity) ? "Yes" : "No")
            } + [
                Detail(
                    label: "Sign-in accounts",
                    value: accounts.isEmpty ? "None" : accounts.map(\.email).joined(separator: ", "))
            ]
        var fields = [
            Self.managerField(
                people, for: person, agency: person.agency.id,
                selected: selected ?? person.lineManagerID?.uuidString ?? "")
        ]
        fields[0].label = "Change line manager"
        let linked = errors.apply(to: &fields)
        let page = PersonPage(
            name: person.name, details: details, postHref: SiteRoute.adminPerson(.value(person.id)).path,
            fields: fields, leadHref: SiteRoute.adminPersonLead(.value(person.id)).path,
            isLead: person.designatedLead,
            capacities: Self.toggled.map { capacity in
                CapacityToggle(
                    name: Formatting.capacity(capacity).lowercased(), id: capacity.rawValue,
                    href: SiteRoute.adminPersonCapacity(.value(person.id), capacity: .value(capacity.rawValue)).path,
                    holds: person.capacities.contains(capacity))
            }, errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "admin/person", title: (errors.isEmpty ? "" : "Error: ") + person.name, page,
            status: errors.isEmpty ? .ok : .unprocessableEntity, notice: errors.isEmpty ? request.notice : nil)
    }
}
