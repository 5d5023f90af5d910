import ConcordCore
import ConcordStore
import Vapor

extension PolicyEditorController {
    struct QuoteChoice: Encodable {
        var id: String
        var text: String
        var selected: Bool
    }

    struct QuotePage: Encodable {
        var caption: String
        var heading: String
        var backHref: String
        var findHref: String
        var find: String
        var postHref: String
        var choices: [QuoteChoice]
        var hasChoices: Bool
        var hasSource: Bool
        var sourceHref: String
        var shown: String
        var errors: FormErrors
        var hasErrors: Bool
    }

    /// Sentences of the protocol's text to choose the stage's timescale words from, narrowed by
    /// the words searched for; choosing one writes it exactly, so it is verbatim by construction.
    @Sendable func quoteForm(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let find = (try? request.query.get(String.self, at: "find")) ?? ""
        return try await renderQuote(request, partnership, draft, find: find, errors: FormErrors())
    }

    private func renderQuote(
        _ request: Request, _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft, find: String,
        errors: FormErrors
    ) async throws -> Response {
        let stages = try Self.readable(PolicyDraft(yaml: draft.yaml).stages)
        guard let number = request.parameters.get("stage").flatMap(Int.init), stages.indices.contains(number - 1)
        else { throw Abort(.notFound) }
        let stage = stages[number - 1]
        let sentences = SourceSentences.split(draft.source)
        let matching = SourceSentences.matching(find, in: sentences)
        let shown = Array(matching.prefix(40))
        let slug = Parameter<String>.value(partnership.slug)
        let path = SiteRoute.policyDraftStage(slug, draft: .value(draft.id), stage: .value(String(number)), .quote).path
        let page = QuotePage(
            caption: "Stage \(number): \(stage.title)", heading: "Choose the protocol's words for the timescale",
            backHref: SiteRoute.policyDraft(slug, draft: .value(draft.id)).path, findHref: path, find: find,
            postHref: path,
            choices: shown.enumerated().map { index, text in
                QuoteChoice(id: index == 0 ? "quote" : "quote-\(index + 1)", text: text, selected: text == stage.quote)
            },
            hasChoices: !shown.isEmpty, hasSource: !sentences.isEmpty,
            sourceHref: SiteRoute.policyDraftPage(slug, draft: .value(draft.id), .source).path,
            shown: matching.count > shown.count
                ? "Showing the first \(shown.count) of \(matching.count) sentences; search to narrow them."
                : "\(matching.count) sentence\(matching.count == 1 ? "" : "s").",
            errors: errors, hasErrors: !errors.isEmpty)
        return try await request.page(
            "policy-draft-quote", title: (errors.isEmpty ? "" : "Error: ") + page.heading, page,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func saveQuote(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        var edited = PolicyDraft(yaml: draft.yaml)
        let stages = try Self.readable(edited.stages)
        guard let number = request.parameters.get("stage").flatMap(Int.init), stages.indices.contains(number - 1)
        else { throw Abort(.notFound) }
        let chosen = FormValues(request).text("quote")
        // Only a sentence of the text itself is taken, never words sent from elsewhere.
        guard SourceSentences.split(draft.source).contains(chosen) else {
            var errors = FormErrors()
            errors.add("quote", "Choose the sentence the protocol uses for the timescale")
            return try await renderQuote(
                request, partnership, draft, find: FormValues(request).text("find"), errors: errors)
        }
        var stage = stages[number - 1]
        stage.quote = chosen
        try Self.readable { () throws(PolicyDraft.Problem) in try edited.setStage(stage, at: number - 1) }
        try await request.saveDraft(draft, yaml: edited.yaml)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }
}
