import ConcordCore
import ConcordStore
import Vapor

/// The e-mail settings administrators keep: each partnership's secure domains, and who is an
/// agency's designated safeguarding lead.
struct AdminMail: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminSecureDomains(.key), use: showDomains)
        routes.checkingAnswers.post(.adminSecureDomains(.key), use: saveDomains)
        routes.post(.adminPersonLead(.key), use: setLead)
    }

    private func domainsForm(
        _ partnership: Directory.Partnership, text: String, errors: FormErrors
    ) -> AdminFormPage {
        AdminFormPage(
            heading: "Secure e-mail domains", caption: partnership.name,
            intro:
                "By default Concord's e-mails name no child and quote nothing written about one: they give the dispute's reference, stage and dates, and a link. Messages to an address on one of these domains carry the full record instead. List only domains that are secure for this information, such as nhs.net, gov.uk or cjsm.net.",
            back: Link(
                text: "Back to \(partnership.name)", href: SiteRoute.adminPartnership(.value(partnership.slug)).path),
            postHref: SiteRoute.adminSecureDomains(.value(partnership.slug)).path,
            fields: [
                FormField(
                    .textarea, name: "domains", label: "Domains, one on each line",
                    hint:
                        "A domain covers its subdomains: gov.uk covers oldham.gov.uk. Leave it empty to send no child's details by e-mail.",
                    value: text)
            ], submit: "Save secure domains", errors: errors)
    }

    @Sendable func showDomains(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let domains = try await request.concord.mailPreferences.secureDomains(partnership: partnership.id)
        return try await request.adminForm(
            domainsForm(partnership, text: domains.joined(separator: "\n"), errors: FormErrors()))
    }

    @Sendable func saveDomains(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let sent = FormValues(request)
        let text = sent.text("domains")
        let problems = sent.characterProblems(multiline: ["domains"])
        guard problems.isEmpty else {
            return try await request.adminForm(domainsForm(partnership, text: text, errors: problems))
        }
        do {
            try await request.concord.mailPreferences.setSecureDomains(
                text.replacingOccurrences(of: "\r", with: ""), partnership: partnership.id)
        } catch let error as SecureDomainError {
            var errors = FormErrors()
            errors.add("domains", error.description)
            return try await request.adminForm(domainsForm(partnership, text: text, errors: errors))
        }
        return request.redirect(to: .adminPartnership(.value(partnership.slug)), notice: .saved)
    }

    @Sendable func setLead(_ request: Request) async throws -> Response {
        let id = try request.uuid("person")
        guard try await request.concord.directory.person(id: id) != nil else { throw Abort(.notFound) }
        try await request.concord.directory.setDesignatedLead(person: id, FormValues(request).text("lead") == "yes")
        return request.redirect(to: .adminPerson(.value(id)), notice: .saved)
    }
}
