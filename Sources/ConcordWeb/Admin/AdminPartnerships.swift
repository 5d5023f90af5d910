import ConcordCore
import ConcordStore
import Vapor

/// Adding a partnership, and each partnership's page with its closure days.
struct AdminPartnerships: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminNewPartnership, use: newForm)
        routes.checkingAnswers.post(.adminNewPartnership, use: add)
        routes.get(.adminPartnership(.key), use: show)
        routes.checkingAnswers.post(.adminClosureDays(.key), use: addClosureDay)
        routes.post(.adminRemoveClosureDay(.key), use: removeClosureDay)
    }

    // MARK: Adding a partnership

    private func form(_ sent: FormValues?, errors: FormErrors) -> AdminFormPage {
        let region = sent?.text("region") ?? ""
        let fields = [
            FormField(
                .text, name: "name", label: "Name", hint: "For example, Oldham Safeguarding Partnership",
                value: sent?.text("name") ?? ""),
            FormField(
                .text, name: "slug", label: "Short name for web addresses",
                hint: "Lower-case letters, numbers and hyphens, starting with a letter. For example, oldham",
                value: sent?.text("slug") ?? "", autocomplete: "off", width: "20"),
            FormField(
                .radios, name: "region", label: "Which bank holidays does it keep?",
                options: Region.allCases.map { .option($0.rawValue, $0.displayName, selected: region == $0.rawValue) }),
        ]
        return AdminFormPage(
            heading: "Add a partnership", back: Link(text: "Back to administration", href: SiteRoute.admin.path),
            postHref: SiteRoute.adminNewPartnership.path, fields: fields, submit: "Add partnership", errors: errors)
    }

    @Sendable func newForm(_ request: Request) async throws -> Response {
        try await request.adminForm(form(nil, errors: FormErrors()))
    }

    @Sendable func add(_ request: Request) async throws -> Response {
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let name = sent.text("name")
        let slug = sent.text("slug")
        let region = Region(rawValue: sent.text("region"))
        let existing = try await request.concord.directory.partnership(slug: slug)
        let taken = slug == "new" || existing != nil
        if name.isEmpty { errors.add("name", "Enter the partnership's name") }
        if slug.isEmpty {
            errors.add("slug", "Enter a short name for web addresses")
        } else if !Self.isSlug(slug) {
            errors.add(
                "slug", "Short name must use only lower-case letters, numbers and hyphens, starting with a letter")
        } else if taken {
            errors.add("slug", "A partnership with the short name \(slug) already exists")
        }
        if region == nil { errors.add("region", "Select which bank holidays the partnership keeps") }
        guard errors.isEmpty, let region else { return try await request.adminForm(form(sent, errors: errors)) }
        try await request.concord.directory.addPartnership(slug: slug, name: name, region: region)
        return request.redirect(to: .adminPartnership(.value(slug)), notice: .saved)
    }

    static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.count <= 40,
            !text.hasSuffix("-"), !text.contains("--")
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    // MARK: The partnership's page

    struct Day: Encodable {
        var text: String
        var iso: String
    }

    struct PartnershipPage: Encodable {
        var name: String
        var slug: String
        var region: String
        var hasPolicy: Bool
        var policy: String
        var policiesHref: String
        var editorHref: String
        var secureDomains: String
        var secureDomainsHref: String
        var backHref = SiteRoute.admin.path
        var days: [Day]
        var hasDays: Bool
        var addHref: String
        var removeHref: String
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        return try await render(request, partnership, sent: nil, errors: FormErrors())
    }

    private func render(
        _ request: Request, _ partnership: Directory.Partnership, sent: FormValues?, errors: FormErrors
    ) async throws -> Response {
        let current = try? await request.concord.directory.currentPolicy(partnership: partnership.id)
        let domains = try await request.concord.mailPreferences.secureDomains(partnership: partnership.id)
        var day = FormField.date(
            name: "day", label: "Add a closure day",
            hint: "A day the partnership's agencies are closed that is not a "
                + "bank holiday, such as a local holiday. For example, 29 12 2026", value: nil)
        day.day = sent?.text("day-day") ?? ""
        day.month = sent?.text("day-month") ?? ""
        day.year = sent?.text("day-year") ?? ""
        var fields = [day]
        let linked = errors.apply(to: &fields)
        let slug = Parameter<String>.value(partnership.slug)
        let page = PartnershipPage(
            name: partnership.name, slug: partnership.slug, region: partnership.region.displayName,
            hasPolicy: current != nil,
            policy: current.map { "\($0.policy.name) (\($0.policy.id), version \($0.version.prefix(12)))" } ?? "",
            policiesHref: SiteRoute.adminPolicies(slug).path, editorHref: SiteRoute.policyEditor(slug).path,
            secureDomains: domains.isEmpty ? "None: e-mails carry no child's details" : domains.joined(separator: ", "),
            secureDomainsHref: SiteRoute.adminSecureDomains(slug).path,
            days: partnership.closureDays.map { Day(text: Formatting.date($0), iso: $0.iso) },
            hasDays: !partnership.closureDays.isEmpty, addHref: SiteRoute.adminClosureDays(slug).path,
            removeHref: SiteRoute.adminRemoveClosureDay(slug).path, fields: fields, errors: linked,
            hasErrors: !linked.isEmpty)
        return try await request.page(
            "admin/partnership", title: (errors.isEmpty ? "" : "Error: ") + partnership.name, page,
            status: errors.isEmpty ? .ok : .unprocessableEntity, notice: errors.isEmpty ? request.notice : nil)
    }

    @Sendable func addClosureDay(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let day = sent.date("day", label: "The closure day", errors: &errors)
        if day == nil, errors.isEmpty { errors.add("day", "Enter the closure day") }
        if let day, partnership.closureDays.contains(day) {
            errors.add("day", "\(Formatting.date(day)) is already a closure day")
        }
        guard errors.isEmpty, let day else { return try await render(request, partnership, sent: sent, errors: errors) }
        try await request.concord.directory.setClosureDay(day, partnership: partnership.id, closed: true)
        return request.redirect(to: .adminPartnership(.value(partnership.slug)), notice: .saved)
    }

    @Sendable func removeClosureDay(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        guard let day = LocalDate(iso: FormValues(request).text("day")) else { throw Abort(.badRequest) }
        try await request.concord.directory.setClosureDay(day, partnership: partnership.id, closed: false)
        return request.redirect(to: .adminPartnership(.value(partnership.slug)), notice: .saved)
    }
}
