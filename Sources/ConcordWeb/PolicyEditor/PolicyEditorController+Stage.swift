import ConcordCore
import ConcordStore
import Vapor

extension PolicyEditorController {
    /// The stage in the path: its index, or nil for a new one.
    private func stageIndex(_ request: Request, count: Int) throws -> Int? {
        let text = request.parameters.get("stage") ?? ""
        if text == "new" { return nil }
        guard let number = Int(text), number >= 1, number <= count else { throw Abort(.notFound) }
        return number - 1
    }

    private static let sideLabels: [(Side, String)] = [
        (.both, "One from each agency"), (.raising, "The agency raising it"),
        (.receiving, "The agency it is raised with"), (.partnership, "The partnership, on neither side"),
    ]

    /// Rows for the people taking part: those written, and two empty ones to add more.
    private func peopleFields(_ people: [StageDraft.Person]) -> [FormField] {
        (0..<(people.count + 2)).flatMap { index -> [FormField] in
            let person = people.indices.contains(index) ? people[index] : nil
            let number = index + 1
            return [
                FormField(
                    .select, name: "level-\(number)", label: "Person \(number): how senior",
                    hint: index == 0
                        ? "Choose the level, or leave it and type the protocol's title below: Concord reads Team Manager as a line manager"
                        : nil,
                    options: [.option("", "Nobody", selected: person == nil)]
                        + RoleLevel.allCases.map {
                            .option(
                                $0.rawValue, "\($0.displayName) (\($0.exampleTitles))", selected: person?.level == $0)
                        }),
                FormField(
                    .select, name: "side-\(number)", label: "Person \(number): from which side",
                    options: Self.sideLabels.map {
                        .option($0.0.rawValue, $0.1, selected: (person?.side ?? .both) == $0.0)
                    }
                ),
                FormField(
                    .text, name: "title-\(number)", label: "Person \(number): the protocol's name for them (optional)",
                    value: person?.title ?? ""),
            ]
        }
    }

    private func stagePage(
        _ partnership: Directory.Partnership, _ draft: Directory.StoredDraft, index: Int?, stage: StageDraft,
        timescaleWords: String, reading: String?, errors: FormErrors
    ) -> AdminFormPage {
        let slug = Parameter<String>.value(partnership.slug)
        let number = Parameter<String>.value(index.map { String($0 + 1) } ?? "new")
        var fields = [
            FormField(.text, name: "title", label: "Stage title", hint: "As the protocol names it", value: stage.title),
            FormField(
                .textarea, name: "summary", label: "What the stage asks of people",
                hint: "Plain words, shown on the dispute's page at this stage", value: stage.summary),
        ]
        fields += peopleFields(stage.people)
        fields.append(
            FormField(
                .text, name: "timescale", label: "Timescale",
                hint:
                    "In the protocol's words: \"5 working days\", \"48 hours\", \"immediately\", \"within 5 working days of step 1\", \"within 2 working days of the decision\", or \"none\"",
                value: timescaleWords))
        if let reading {
            fields.append(
                FormField(
                    .checkboxes, name: "confirm", label: "Concord reads the timescale as",
                    hint: reading, options: [.option("yes", "Yes, that is what the protocol means")]))
        }
        fields.append(
            FormField(
                .checkboxes, name: "records[]", label: "What must be recorded before the stage is left",
                options: RecordKind.allCases.map {
                    .option($0.rawValue, Self.sentenceCase(Formatting.record($0)), selected: stage.records.contains($0))
                }))
        fields.append(
            FormField(
                .checkboxes, name: "pending", label: "The protocol's text",
                hint:
                    "A policy with a stage marked so can be previewed but not installed, so no dispute ends early for want of it",
                options: [
                    .option(
                        "yes", "The protocol's text for this stage is not yet available",
                        selected: stage.notYetAvailable)
                ]))
        return AdminFormPage(
            heading: index.map { "Stage \($0 + 1): \(stage.title)" } ?? "Add a stage", caption: partnership.name,
            intro: stage.quote.isEmpty ? nil : "The protocol's words for its timescale: “\(stage.quote)”",
            back: Link(text: "Back to the draft", href: SiteRoute.policyDraft(slug, draft: .value(draft.id)).path),
            postHref: SiteRoute.policyDraftStage(slug, draft: .value(draft.id), stage: number, .edit).path,
            fields: fields, submit: "Save stage", errors: errors)
    }

    @Sendable func stageForm(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let stages = try Self.readable(PolicyDraft(yaml: draft.yaml).stages)
        let index = try stageIndex(request, count: stages.count)
        let stage =
            index.map { stages[$0] }
            ?? StageDraft(
                id: "", title: "", summary: "", people: [], timescale: .none, quote: "", records: [],
                notYetAvailable: false)
        let numbers = Dictionary(stages.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let words =
            index == nil ? "" : TimescalePhrase.words(for: stage.timescale.timescale, stageNumber: { numbers[$0] })
        return try await request.adminForm(
            stagePage(
                partnership, draft, index: index, stage: stage, timescaleWords: words, reading: nil,
                errors: FormErrors()))
    }

    @Sendable func saveStage(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        var edited = PolicyDraft(yaml: draft.yaml)
        let stages = try Self.readable(edited.stages)
        let index = try stageIndex(request, count: stages.count)
        let sent = FormValues(request)
        var errors = FormErrors()
        let pending = sent.text("pending") == "yes"
        var people: [StageDraft.Person] = []
        // Every row sends its side, so the rows end where no side is sent.
        for number in 1... {
            guard sent.optional("level-\(number)") != nil || sent.optional("title-\(number)") != nil else {
                if sent.optional("side-\(number)") == nil { break }
                continue
            }
            let title = sent.text("title-\(number)")
            guard let level = RoleLevel(rawValue: sent.text("level-\(number)")) ?? RoleLevel.level(forTitle: title)
            else {
                errors.add(
                    "level-\(number)", "Choose how senior person \(number) is; Concord cannot tell from “\(title)”")
                continue
            }
            people.append(
                StageDraft.Person(
                    level: level, side: Side(rawValue: sent.text("side-\(number)")) ?? .both, title: title))
        }
        let earlier = stages[..<(index ?? stages.count)].map { (id: $0.id, title: $0.title) }
        let words = sent.text("timescale")
        var timescale = TimescalePhrase.none
        do { timescale = try TimescalePhrase.read(words, earlier: earlier) } catch {
            errors.add("timescale", FormErrors.sentence(error.message))
        }
        let title = sent.text("title")
        if title.isEmpty { errors.add("title", "Enter the stage's title") }
        if !pending {
            if sent.text("summary").isEmpty { errors.add("summary", "Enter what the stage asks of people") }
            if people.isEmpty { errors.add("level-1", "Choose at least one person who takes part") }
        }
        let old = index.map { stages[$0] }
        var stage =
            old
            ?? StageDraft(
                id: StageDraft.identifier(title, taken: Set(stages.map(\.id))), title: title, summary: "", people: [],
                timescale: .none, quote: "", records: [], notYetAvailable: false)
        stage.title = title
        stage.summary = sent.text("summary")
        stage.people = people
        stage.timescale = timescale
        stage.records = sent.all("records[]").compactMap(RecordKind.init(rawValue:))
        stage.notYetAvailable = pending
        // A changed timescale is saved only once its reading is confirmed.
        var reading: String?
        if errors.isEmpty, timescale != (old?.timescale ?? .none), sent.text("confirm") != "yes" {
            reading = timescale.sentence(stageTitle: { id in stages.first { $0.id == id }?.title })
            errors.add("confirm", "Confirm how Concord reads the timescale, or change it")
        }
        guard errors.isEmpty else {
            return try await request.adminForm(
                stagePage(
                    partnership, draft, index: index, stage: stage, timescaleWords: words, reading: reading,
                    errors: errors))
        }
        try Self.readable { () throws(PolicyDraft.Problem) in try edited.setStage(stage, at: index) }
        try await request.saveDraft(draft, yaml: edited.yaml)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }

    static func sentenceCase(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    @Sendable func move(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        var edited = PolicyDraft(yaml: draft.yaml)
        let count = try Self.readable(edited.stages).count
        guard let index = try stageIndex(request, count: count) else { throw Abort(.notFound) }
        let offset = FormValues(request).text("direction") == "up" ? -1 : 1
        try Self.readable { () throws(PolicyDraft.Problem) in try edited.moveStage(at: index, by: offset) }
        try await request.saveDraft(draft, yaml: edited.yaml)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }

    @Sendable func remove(_ request: Request) async throws -> Response {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        var edited = PolicyDraft(yaml: draft.yaml)
        let count = try Self.readable(edited.stages).count
        guard let index = try stageIndex(request, count: count) else { throw Abort(.notFound) }
        try Self.readable { () throws(PolicyDraft.Problem) in try edited.removeStage(at: index) }
        try await request.saveDraft(draft, yaml: edited.yaml)
        return request.redirect(to: .policyDraft(.value(partnership.slug), draft: .value(draft.id)), notice: .saved)
    }
}
