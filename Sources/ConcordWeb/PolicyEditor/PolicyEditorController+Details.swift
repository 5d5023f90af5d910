import ConcordCore
import ConcordStore
import Vapor

extension PolicyEditorController {
    private func back(_ partnership: Directory.Partnership, _ draft: Directory.StoredDraft) -> Link {
        Link(
            text: "Back to the draft",
            href: SiteRoute.policyDraft(.value(partnership.slug), draft: .value(draft.id)).path)
    }

    private func detailsPage(
        _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft, _ details: PolicyDraft.Details,
        errors: FormErrors
    ) -> AdminFormPage {
        AdminFormPage(
            heading: "About this policy", caption: partnership.name, back: back(partnership, draft),
            postHref: SiteRoute.policyDraftPage(.value(partnership.slug), draft: .value(draft.id), .details).path,
            fields: [
                FormField(.text, name: "name", label: "Name", hint: "The protocol's own title", value: details.name),
                FormField(
                    .text, name: "id", label: "Short name",
                    hint: "Lower-case letters, digits and hyphens, e.g. dissent-at-conference. Disputes record it.",
                    value: details.id, width: "20"),
                FormField(
                    .text, name: "applies_to", label: "Which disputes it is for (optional)",
                    hint: "Shown when someone raising a dispute chooses between the partnership's procedures",
                    value: details.appliesTo),
                FormField(
                    .checkboxes, name: "subjects[]", label: "Who the disputes are about",
                    options: Subject.allCases.map {
                        .option($0.rawValue, Self.subjectLabel($0), selected: details.subjects.contains($0))
                    }),
                FormField.date(
                    name: "effective", label: "Takes effect on (optional)",
                    hint: "Leave blank to take effect once installed. For example, 1 4 2027",
                    value: LocalDate(iso: details.effectiveFrom)),
            ],
            submit: "Save", errors: errors)
    }

    @Sendable func detailsForm(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let details = try Self.readable(PolicyDraft(yaml: draft.yaml).details)
        return try await request.adminForm(detailsPage(partnership, draft, details, errors: FormErrors()))
    }

    @Sendable func saveDetails(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let sent = FormValues(request)
        var errors = sent.characterProblems(multiline: [])
        let effective = sent.date("effective", label: "The date it takes effect", errors: &errors)
        let details = PolicyDraft.Details(
            id: sent.text("id"), name: sent.text("name"), summary: "", appliesTo: sent.text("applies_to"),
            subjects: sent.all("subjects[]").compactMap(Subject.init(rawValue:)), effectiveFrom: effective?.iso ?? "")
        if details.name.isEmpty { errors.add("name", "Enter the policy's name") }
        if !AdminPartnerships.isSlug(details.id) {
            errors.add("id", "Enter a short name of lower-case letters, digits and hyphens")
        }
        if details.subjects.isEmpty { errors.add("subjects[]", "Select who the disputes are about") }
        var edited = PolicyDraft(yaml: draft.yaml)
        var kept = details
        kept.summary = (try? edited.details().summary) ?? ""
        guard errors.isEmpty else {
            return try await request.adminForm(detailsPage(partnership, draft, details, errors: errors))
        }
        try Self.readable { () throws(PolicyDraft.Problem) in try edited.setDetails(kept) }
        try await request.saveDraft(draft, yaml: edited.yaml)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }

    struct SourcePage: Encodable {
        var heading: String
        var caption: String
        var backHref: String
        var postHref: String
        var fields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    struct SourceUpload: Content {
        var source: String?
        var sourceFile: File?
    }

    private func sourcePage(
        _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft, text: String, errors: FormErrors
    ) -> SourcePage {
        var fields = [
            FormField(
                .textarea, name: "source", label: "Paste the protocol's text",
                hint: "Quotes are chosen from it, and checked against it word for word before installing", value: text),
            FormField(.file, name: "sourceFile", label: "Or choose the protocol's text", hint: "A .txt file, UTF-8"),
        ]
        let linked = errors.apply(to: &fields)
        return SourcePage(
            heading: "The protocol's text", caption: partnership.name, backHref: back(partnership, draft).href,
            postHref: SiteRoute.policyDraftPage(.value(partnership.slug), draft: .value(draft.id), .source).path,
            fields: fields, errors: linked, hasErrors: !linked.isEmpty)
    }

    @Sendable func sourceForm(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        return try await request.page(
            "policy-draft-source", title: "The protocol's text",
            sourcePage(partnership, draft, text: draft.source, errors: FormErrors()))
    }

    @Sendable func saveSource(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let sent = try request.content.decode(SourceUpload.self)
        var text = AdminPolicies.lines(sent.source ?? "")
        if let file = sent.sourceFile, file.data.readableBytes > 0 {
            guard let content = String(bytes: Array(file.data.readableBytesView), encoding: .utf8) else {
                var errors = FormErrors()
                errors.add("sourceFile", "The protocol's text must be a text file in UTF-8")
                return try await request.page(
                    "policy-draft-source", title: "Error: The protocol's text",
                    sourcePage(partnership, draft, text: text, errors: errors), status: .unprocessableEntity)
            }
            text = AdminPolicies.lines(content)
        }
        // Kept with the draft, and a file is not checked on its way in as typed answers are.
        if let hidden = HiddenCharacter.first(in: text, multiline: true) {
            var errors = FormErrors()
            errors.add(
                sent.sourceFile?.data.readableBytes ?? 0 > 0 ? "sourceFile" : "source", FormValues.message(hidden))
            return try await request.page(
                "policy-draft-source", title: "Error: The protocol's text",
                sourcePage(partnership, draft, text: text, errors: errors), status: .unprocessableEntity)
        }
        try await request.saveDraft(draft, source: text)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }

    private func yamlPage(
        _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft, text: String, errors: FormErrors
    ) -> AdminFormPage {
        AdminFormPage(
            heading: "The policy's YAML", caption: partnership.name,
            intro:
                "What Concord stores. The editor's forms read and write it; keys they have no field for, such as clocks, routes and rules, are written here, as docs/policy-format.md describes.",
            back: back(partnership, draft),
            postHref: SiteRoute.policyDraftPage(.value(partnership.slug), draft: .value(draft.id), .yaml).path,
            fields: [FormField(.textarea, name: "yaml", label: "YAML", value: text)], submit: "Save", errors: errors)
    }

    @Sendable func yamlForm(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        return try await request.adminForm(yamlPage(partnership, draft, text: draft.yaml, errors: FormErrors()))
    }

    /// Saved even with problems, since a draft is work in progress; the draft's page lists them.
    @Sendable func saveYAML(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let text = AdminPolicies.lines(FormValues(request).text("yaml"))
        guard !text.isEmpty else {
            var errors = FormErrors()
            errors.add("yaml", "Enter the policy's YAML")
            return try await request.adminForm(yamlPage(partnership, draft, text: text, errors: errors))
        }
        try await request.saveDraft(draft, yaml: text + "\n")
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }

    /// A draft whose YAML cannot be read cannot be edited through forms: its YAML page says why.
    static func readable<T>(_ body: () throws(PolicyDraft.Problem) -> T) throws -> T {
        do { return try body() } catch { throw Abort(.conflict, reason: FormErrors.sentence(error.message)) }
    }
}
