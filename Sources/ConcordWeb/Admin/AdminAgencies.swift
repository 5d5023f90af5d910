import ConcordCore
import ConcordStore
import Vapor

/// Agencies and the partnerships they belong to.
struct AdminAgencies: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminAgencies, use: list)
        routes.get(.adminNewAgency, use: newForm)
        routes.checkingAnswers.post(.adminNewAgency, use: add)
    }

    struct Row: Encodable {
        var name: String
        var type: String
        var partnerships: String
    }

    struct ListPage: Encodable {
        var rows: [Row]
        var hasRows: Bool
        var backHref = SiteRoute.admin.path
        var newHref = SiteRoute.adminNewAgency.path
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let directory = request.concord.directory
        let partnerships = Dictionary(uniqueKeysWithValues: try await directory.partnerships().map { ($0.id, $0.name) })
        let rows = try await directory.agencies().map { agency in
            Row(
                name: agency.name, type: agency.type.displayName,
                partnerships: agency.partnerships.compactMap { partnerships[$0] }.sorted().joined(separator: ", "))
        }
        return try await request.page(
            "admin/agencies", title: "Agencies", ListPage(rows: rows, hasRows: !rows.isEmpty), notice: request.notice)
    }

    private func form(
        _ request: Request, _ sent: FormValues?, errors: FormErrors
    ) async throws -> AdminFormPage {
        let partnerships = try await request.concord.directory.partnerships()
        let type = sent?.text("type") ?? ""
        let chosen = sent?.all("partnerships[]") ?? []
        let fields = [
            FormField(.text, name: "name", label: "Name", value: sent?.text("name") ?? ""),
            FormField(
                .radios, name: "type", label: "What kind of agency is it?",
                options: AgencyType.allCases.map { .option($0.rawValue, $0.displayName, selected: type == $0.rawValue) }
            ),
            FormField(
                .checkboxes, name: "partnerships[]", label: "Which partnerships is it part of?",
                hint: "Select all that apply. Its staff can raise disputes under these partnerships' protocols.",
                options: partnerships.map {
                    .option($0.id.uuidString, $0.name, selected: chosen.contains($0.id.uuidString))
                }),
        ]
        return AdminFormPage(
            heading: "Add an agency", back: Link(text: "Back to agencies", href: SiteRoute.adminAgencies.path),
            postHref: SiteRoute.adminNewAgency.path, fields: fields, submit: "Add agency", errors: errors)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        try await request.adminForm(form(request, nil, errors: FormErrors()))
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let name = sent.text("name")
        let type = AgencyType(rawValue: sent.text("type"))
        let known = Set(try await request.concord.directory.partnerships().map(\.id))
        let partnerships = sent.all("partnerships[]").compactMap(UUID.init(uuidString:)).filter(known.contains)
        if name.isEmpty { errors.add("name", "Enter the agency's name") }
        if type == nil { errors.add("type", "Select what kind of agency it is") }
        if partnerships.isEmpty { errors.add("partnerships[]", "Select at least one partnership") }
        guard errors.isEmpty, let type else { return try await request.adminForm(form(request, sent, errors: errors)) }
        try await request.concord.directory.addAgency(name: name, type: type, partnerships: partnerships)
        return request.redirect(to: .adminAgencies, notice: .saved)
    }
}
