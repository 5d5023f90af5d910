import ConcordCore
import ConcordStore
import Vapor

extension PolicyEditorController {
    struct DetailRow: Encodable {
        var key: String
        var value: String
    }

    struct DraftPage: Encodable {
        var partnership: String
        var name: String
        var backHref: String
        var details: [DetailRow]
        var detailsHref: String
        var sourceHref: String
        var sourceSummary: String
        var yamlHref: String
        var compareHref: String
        var installHref: String
        var deleteHref: String
        var newStageHref: String
        var yamlProblem: String?
        var preview: DraftPreview
    }

    @Sendable func overview(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        return try await renderOverview(request, partnership, draft, status: .ok, notice: request.notice)
    }

    func renderOverview(
        _ request: Request, _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft,
        status: HTTPStatus, notice: Notice?
    ) async throws -> Response {
        let slug = Parameter<String>.value(partnership.slug)
        let id = Parameter<UUID>.value(draft.id)
        let calendar = request.concord.directory.calendar(partnership: partnership, holidays: request.concord.holidays)
        let preview = DraftPreview.make(
            draft, partnership: partnership, calendar: calendar, today: LondonTime.date(of: request.now))
        var yamlProblem: String?
        var details: PolicyDraft.Details?
        do { details = try PolicyDraft(yaml: draft.yaml).details() } catch { yamlProblem = error.message }
        let sentences = SourceSentences.split(draft.source).count
        let page = DraftPage(
            partnership: partnership.name, name: details?.name ?? "Draft policy",
            backHref: SiteRoute.policyEditor(slug).path,
            details: details.map { details in
                [
                    DetailRow(key: "Name", value: details.name), DetailRow(key: "Short name (id)", value: details.id),
                    DetailRow(
                        key: "Applies to", value: details.appliesTo.isEmpty ? "Every dispute" : details.appliesTo),
                    DetailRow(
                        key: "About",
                        value: details.subjects.isEmpty
                            ? "Children" : details.subjects.map(Self.subjectLabel).joined(separator: ", ")),
                    DetailRow(
                        key: "Takes effect",
                        value: details.effectiveFrom.isEmpty ? "When installed" : details.effectiveFrom),
                ]
            } ?? [],
            detailsHref: SiteRoute.policyDraftPage(slug, draft: id, .details).path,
            sourceHref: SiteRoute.policyDraftPage(slug, draft: id, .source).path,
            sourceSummary: sentences == 0
                ? "Not added yet" : "\(sentences) sentence\(sentences == 1 ? "" : "s") to choose quotes from",
            yamlHref: SiteRoute.policyDraftPage(slug, draft: id, .yaml).path,
            compareHref: SiteRoute.policyDraftPage(slug, draft: id, .compare).path,
            installHref: SiteRoute.policyDraftPage(slug, draft: id, .install).path,
            deleteHref: SiteRoute.policyDraftPage(slug, draft: id, .delete).path,
            newStageHref: SiteRoute.policyDraftStage(slug, draft: id, stage: .value("new"), .edit).path,
            yamlProblem: yamlProblem, preview: preview)
        return try await request.page(
            "policy-draft", title: (status == .ok ? "" : "Error: ") + "Draft: \(page.name)", page, status: status,
            notice: notice)
    }

    static func subjectLabel(_ subject: Subject) -> String {
        switch subject {
        case .children: "Children"
        case .adults: "Adults"
        case .unborn: "Unborn babies"
        }
    }

    /// Installs the draft exactly as the administrator's upload would, its quotes checked
    /// against the protocol's text; the draft is kept, so the next version starts from it.
    @Sendable func install(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let sources = DraftPreview.sources(draft)
        guard !sources.isEmpty else {
            return try await renderOverview(
                request, partnership, draft, status: .unprocessableEntity,
                notice: Notice(
                    success: false, heading: "Not installed",
                    text: "Add the protocol's text first, so that every quote is checked against it."))
        }
        do {
            try await request.concord.directory.installPolicy(
                draft.yaml, file: "draft", partnership: partnership.id, at: request.now, sources: sources)
        } catch let problems as DocumentProblems {
            return try await renderOverview(
                request, partnership, draft, status: .unprocessableEntity,
                notice: Notice(
                    success: false, heading: "Not installed",
                    text: problems.problems.map(AdminPolicies.describe).joined(separator: " ")))
        } catch StoreError.regionMismatch {
            return try await renderOverview(
                request, partnership, draft, status: .unprocessableEntity,
                notice: Notice(
                    success: false, heading: "Not installed",
                    text: "The policy counts working days on another nation's bank holidays than \(partnership.name)'s."
                ))
        }
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .installed)
    }

    struct CompareLine: Encodable {
        var text: String
        var change: String
    }

    struct ComparePage: Encodable {
        var name: String
        var backHref: String
        var against: String?
        var lines: [CompareLine]
        var added: Int
        var removed: Int
    }

    /// The draft against the version of the same procedure installed now, line by line.
    @Sendable func compare(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let details = try? PolicyDraft(yaml: draft.yaml).details()
        let directory = request.concord.directory
        let current = try await directory.currentPolicy(
            partnership: partnership.id, procedure: details?.id, on: LondonTime.date(of: request.now))
        let installed = try await directory.policyVersions(partnership: partnership.id)
            .first { $0.sha256 == current?.version }
        let diff = LineDiff.lines(
            from: installed.map { PolicyDraft.normalized($0.yaml) } ?? "", to: PolicyDraft.normalized(draft.yaml))
        let lines = diff.map { line -> CompareLine in
            switch line {
            case .same(let text): CompareLine(text: text, change: "same")
            case .added(let text): CompareLine(text: text, change: "added")
            case .removed(let text): CompareLine(text: text, change: "removed")
            }
        }
        return try await request.page(
            "policy-draft-compare", title: "What changes: \(details?.name ?? "draft")",
            ComparePage(
                name: details?.name ?? "Draft policy",
                backHref: SiteRoute.policyDraft(.value(partnership.slug), draft: .value(draft.id)).path,
                against: current.map { "\($0.policy.name), version \($0.version.prefix(12))" },
                lines: lines, added: lines.filter { $0.change == "added" }.count,
                removed: lines.filter { $0.change == "removed" }.count))
    }
}
