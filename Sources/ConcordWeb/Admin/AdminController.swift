import ConcordCore
import ConcordStore
import Vapor

/// Administration: partnerships and their closure days and policies, agencies, people and their
/// line managers, and sign-in accounts. Only administrators may use it, and it shows no dispute.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped(RequireAdministrator())
        admin.get(.admin, use: index)
        try admin.register(collection: AdminPartnerships())
        try admin.register(collection: AdminPolicies())
        try admin.register(collection: AdminAgencies())
        try admin.register(collection: AdminPeople())
        try admin.register(collection: AdminAccounts())
        try admin.register(collection: AdminAccount())
        try admin.register(collection: AdminMail())
    }

    struct PartnershipRow: Encodable {
        var name: String
        var slug: String
        var region: String
        var href: String
        var policiesHref: String
        var hasPolicy: Bool
        var policy: String
        var closureDays: Int
    }

    struct IndexPage: Encodable {
        var partnerships: [PartnershipRow]
        var hasPartnerships: Bool
        var newPartnershipHref = SiteRoute.adminNewPartnership.path
        var agenciesHref = SiteRoute.adminAgencies.path
        var peopleHref = SiteRoute.adminPeople.path
        var accountsHref = SiteRoute.adminAccounts.path
    }

    @Sendable func index(_ request: Request) async throws -> Response {
        let directory = request.concord.directory
        var rows: [PartnershipRow] = []
        for partnership in try await directory.partnerships() {
            let current = try? await directory.currentPolicy(partnership: partnership.id)
            rows.append(
                PartnershipRow(
                    name: partnership.name, slug: partnership.slug, region: partnership.region.displayName,
                    href: SiteRoute.adminPartnership(.value(partnership.slug)).path,
                    policiesHref: SiteRoute.adminPolicies(.value(partnership.slug)).path,
                    hasPolicy: current != nil,
                    policy: current.map { "\($0.policy.name) (\($0.policy.id), \($0.version.prefix(12)))" } ?? "",
                    closureDays: partnership.closureDays.count))
        }
        return try await request.page(
            "admin/index", title: "Administration", IndexPage(partnerships: rows, hasPartnerships: !rows.isEmpty),
            notice: request.notice)
    }
}

/// Refuses every admin page and form to anyone but an administrator.
struct RequireAdministrator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.account?.role == .administrator else { throw Abort(.forbidden) }
        return try await next.respond(to: request)
    }
}

/// A one-form admin page, drawn by `admin/form.leaf`.
struct AdminFormPage: Encodable {
    var heading: String
    var caption: String?
    var intro: String?
    var backHref: String
    var backText: String
    var postHref: String
    var fields: [FormField]
    var submit: String
    var errors: FormErrors
    var hasErrors: Bool

    init(
        heading: String, caption: String? = nil, intro: String? = nil, back: Link, postHref: String,
        fields: [FormField], submit: String, errors: FormErrors
    ) {
        var fields = fields
        let linked = errors.apply(to: &fields)
        self.heading = heading
        self.caption = caption
        self.intro = intro
        self.backHref = back.href
        self.backText = back.text
        self.postHref = postHref
        self.fields = fields
        self.submit = submit
        self.errors = linked
        self.hasErrors = !linked.isEmpty
    }
}

extension Request {
    /// Renders a one-form admin page: 200 when first shown, 422 with "Error: " in the title
    /// when what was sent needs fixing.
    func adminForm(_ form: AdminFormPage) async throws -> Response {
        try await page(
            "admin/form", title: (form.hasErrors ? "Error: " : "") + form.heading, form,
            status: form.hasErrors ? .unprocessableEntity : .ok)
    }

    func adminPartnership() async throws -> Directory.Partnership {
        guard let slug = parameters.get("partnership"),
            let partnership = try await concord.directory.partnership(slug: slug)
        else { throw Abort(.notFound) }
        return partnership
    }
}

extension FormErrors {
    /// A store's message as a sentence for a form: capital first letter, no trailing full stop.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
