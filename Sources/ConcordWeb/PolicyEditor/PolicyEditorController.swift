import ConcordCore
import ConcordStore
import Vapor

/// The policy editor: the business office, or an administrator, writes a partnership's
/// procedure through forms rather than YAML, picks its quotes from the protocol's own text,
/// previews it, compares it with what is installed, and installs it. The YAML is still what is
/// stored: each draft is YAML, and each form reads and writes it.
struct PolicyEditorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.policyEditor(.key), use: list)
        routes.post(.policyEditor(.key), use: create)
        routes.get(.policyDraft(.key, draft: .key), use: overview)
        routes.get(.policyDraftPage(.key, draft: .key, .details), use: detailsForm)
        routes.checkingAnswers.post(.policyDraftPage(.key, draft: .key, .details), use: saveDetails)
        routes.get(.policyDraftPage(.key, draft: .key, .source), use: sourceForm)
        routes.post(.policyDraftPage(.key, draft: .key, .source), use: saveSource)
        routes.get(.policyDraftPage(.key, draft: .key, .yaml), use: yamlForm)
        routes.post(.policyDraftPage(.key, draft: .key, .yaml), use: saveYAML)
        routes.get(.policyDraftPage(.key, draft: .key, .compare), use: compare)
        routes.post(.policyDraftPage(.key, draft: .key, .install), use: install)
        routes.post(.policyDraftPage(.key, draft: .key, .delete), use: delete)
        routes.get(.policyDraftStage(.key, draft: .key, stage: .key, .edit), use: stageForm)
        routes.post(.policyDraftStage(.key, draft: .key, stage: .key, .edit), use: saveStage)
        routes.get(.policyDraftStage(.key, draft: .key, stage: .key, .quote), use: quoteForm)
        routes.post(.policyDraftStage(.key, draft: .key, stage: .key, .quote), use: saveQuote)
        routes.post(.policyDraftStage(.key, draft: .key, stage: .key, .move), use: move)
        routes.post(.policyDraftStage(.key, draft: .key, stage: .key, .remove), use: remove)
        for list in SiteRoute.StageList.allCases {
            let item = { (page: SiteRoute.ItemPage) in
                SiteRoute.policyDraftStageItem(.key, draft: .key, stage: .key, list, item: .key, page)
            }
            routes.get(item(.edit)) { try await itemForm($0, list) }
            routes.post(item(.edit)) { try await saveItem($0, list) }
            routes.post(item(.remove)) { try await removeItem($0, list) }
        }
    }

    struct DraftRow: Encodable {
        var name: String
        var id: String
        var href: String
        var updated: String
    }

    struct ProcedureRow: Encodable {
        var name: String
        var id: String
    }

    struct ListPage: Encodable {
        var name: String
        var drafts: [DraftRow]
        var hasDrafts: Bool
        var procedures: [ProcedureRow]
        var postHref: String
    }

    @Sendable func list(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let drafts = try await request.concord.directory.drafts(partnership: partnership.id)
        let current = try await request.concord.directory.currentPolicies(
            partnership: partnership.id, on: LondonTime.date(of: request.now))
        let slug = Parameter<String>.value(partnership.slug)
        let rows = drafts.map { draft in
            let details = try? PolicyDraft(yaml: draft.yaml).details()
            return DraftRow(
                name: details?.name ?? "A draft whose YAML cannot be read", id: details?.id ?? "",
                href: SiteRoute.policyDraft(slug, draft: .value(draft.id)).path,
                updated: "\(Formatting.time(draft.updatedAt)) by \(draft.updatedBy)")
        }
        return try await request.page(
            "policy-editor", title: "Policy editor",
            ListPage(
                name: partnership.name, drafts: rows, hasDrafts: !rows.isEmpty,
                procedures: current.map { ProcedureRow(name: $0.policy.name, id: $0.policy.id) },
                postHref: SiteRoute.policyEditor(slug).path),
            notice: request.notice)
    }

    /// A new draft: from nothing, or a copy of a procedure the partnership runs now.
    @Sendable func create(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let start = FormValues(request).text("start")
        let yaml: String
        if start == "new" {
            yaml =
                PolicyDraft.blank(
                    id: "new-procedure", name: "New procedure", partnership: partnership.name,
                    region: partnership.region
                ).yaml
        } else {
            guard
                let current = try await request.concord.directory.currentPolicy(
                    partnership: partnership.id, procedure: start, on: LondonTime.date(of: request.now)),
                let version = try await request.concord.directory.policyVersions(partnership: partnership.id)
                    .first(where: { $0.sha256 == current.version })
            else { throw Abort(.badRequest, reason: "Choose a procedure to start from") }
            yaml = version.yaml
        }
        let id = try await request.concord.directory.createDraft(
            partnership: partnership.id, yaml: yaml, source: "", by: try request.requireAccount().name,
            at: request.now)
        let slug = Parameter<String>.value(partnership.slug)
        let next: SiteRoute =
            start == "new"
            ? .policyDraftPage(slug, draft: .value(id), .details) : .policyDraft(slug, draft: .value(id))
        return request.redirect(to: next.path, redirectType: .normal)
    }

    @Sendable func delete(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        try await request.concord.directory.deleteDraft(draft.id, partnership: partnership.id)
        return request.redirect(to: .policyEditor(.value(partnership.slug)), notice: .deleted)
    }
}

extension Request {
    /// The partnership whose policies the account may write: the business office's own, or any
    /// for an administrator. Everyone else finds no such page.
    func editablePartnership() async throws -> Directory.Partnership {
        let account = try requireAccount()
        guard let slug = parameters.get("partnership"),
            let partnership = try await concord.directory.partnership(slug: slug),
            account.role == .administrator
                || (account.role == .businessOffice && account.partnershipID == partnership.id)
        else { throw Abort(.notFound) }
        if account.role == .businessOffice { partnershipSlug = slug }
        return partnership
    }

    /// The draft named in the path, only when it is the partnership's.
    func editedDraft(_ partnership: Directory.Partnership) async throws -> Directory.StoredDraft {
        guard let id = parameters.get("draft").flatMap(UUID.init(uuidString:)),
            let draft = try await concord.directory.draft(id, partnership: partnership.id)
        else { throw Abort(.notFound) }
        return draft
    }

    /// Saves the draft's YAML and text as this account's change.
    func saveDraft(
        _ draft: Directory.StoredDraft, yaml: String? = nil, source: String? = nil
    ) async throws {
        try await concord.directory.saveDraft(
            draft.id, partnership: draft.partnership, yaml: yaml ?? draft.yaml, source: source ?? draft.source,
            by: try requireAccount().name, at: now)
    }
}
