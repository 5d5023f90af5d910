import ConcordCore
import ConcordStore
import Vapor

/// Forms for a stage's further clocks and its routes, so that "the receiving agency will speak
/// to you within 3 working days", "an outcome letter within a further 2" and "urgent: within 24
/// hours" are written without YAML.
extension PolicyEditorController {
    private struct Place {
        var partnership: Directory.Partnership
        var draft: Directory.StoredDraft
        var stage: Int
        var item: Int?
        var stageDraft: StageDraft
    }

    private func place(_ request: Request, _ list: SiteRoute.StageList) async throws -> Place {
        let partnership = try await request.editablePartnership()
        let draft = try await request.editedDraft(partnership)
        let edited = PolicyDraft(yaml: draft.yaml)
        let stages = try Self.readable(edited.stages)
        guard let number = request.parameters.get("stage").flatMap(Int.init), stages.indices.contains(number - 1)
        else { throw Abort(.notFound) }
        let count =
            try list == .clocks
            ? Self.readable { () throws(PolicyDraft.Problem) in try edited.clocks(stage: number - 1).count }
            : Self.readable { () throws(PolicyDraft.Problem) in try edited.routes(stage: number - 1).count }
        let text = request.parameters.get("item") ?? ""
        var item: Int?
        if text != "new" {
            guard let index = Int(text), index >= 1, index <= count else { throw Abort(.notFound) }
            item = index - 1
        }
        return Place(
            partnership: partnership, draft: draft, stage: number - 1, item: item, stageDraft: stages[number - 1])
    }

    private static let kindLabels: [(Clock.Kind, String, String)] = [
        (.respondWithin, "A response", "Met by a discussion or meeting at the stage that the side named takes part in"),
        (.letterWithin, "A letter sent", "Met when someone records the letter as sent"),
        (.beginWithin, "First contact made", "Met by the first discussion recorded at the stage"),
        (.completeWithin, "Something finished", "Runs until the dispute leaves the stage"),
    ]

    private static let byLabels: [(Side, String)] = [
        (.receiving, "The agency it is raised with"), (.raising, "The agency raising it"), (.both, "Both agencies"),
        (.partnership, "The partnership"),
    ]

    private func quoteField(_ draft: Directory.StoredDraft, chosen: String) -> FormField {
        FormField(
            .select, name: "quote", label: "The protocol's words for it",
            hint: "Chosen from the protocol's text, so they are word for word",
            options: [.option("", "None chosen", selected: chosen.isEmpty)]
                + SourceSentences.split(draft.source).map { .option($0, $0, selected: $0 == chosen) })
    }

    private func confirmField(_ reading: String?) -> [FormField] {
        guard let reading else { return [] }
        return [
            FormField(
                .checkboxes, name: "confirm", label: "Concord reads the timescale as", hint: reading,
                options: [.option("yes", "Yes, that is what the protocol means")])
        ]
    }

    private func itemPage(
        _ place: Place, _ list: SiteRoute.StageList, fields: [FormField], errors: FormErrors
    ) -> AdminFormPage {
        let slug = Parameter<String>.value(place.partnership.slug)
        let noun = list == .clocks ? "clock" : "route"
        return AdminFormPage(
            heading: place.item.map { "Change \(noun) \($0 + 1)" } ?? "Add a \(noun)",
            caption: "Stage \(place.stage + 1): \(place.stageDraft.title)",
            intro: list == .clocks
                ? "A deadline inside the stage besides its own timescale, such as “the receiving agency will speak to you within 3 working days”."
                : "A route beside the stage's standard one, with a timescale of its own, such as “urgent: within 24 hours”.",
            back: Link(
                text: "Back to the draft", href: SiteRoute.policyDraft(slug, draft: .value(place.draft.id)).path),
            postHref: SiteRoute.policyDraftStageItem(
                slug, draft: .value(place.draft.id), stage: .value(String(place.stage + 1)), list,
                item: .value(place.item.map { String($0 + 1) } ?? "new"), .edit
            ).path,
            fields: fields, submit: "Save \(noun)", errors: errors)
    }

    private func clockFields(
        _ place: Place, _ clock: ClockDraft, words: String, earlier: [ClockDraft], reading: String?
    ) -> [FormField] {
        [
            FormField(
                .text, name: "name", label: "What must happen, as people read it",
                hint: "For example, The receiving agency speaks to you", value: clock.name),
            FormField(
                .radios, name: "kind", label: "What kind of deadline",
                options: Self.kindLabels.map { .option($0.0.rawValue, $0.1, hint: $0.2, selected: clock.kind == $0.0) }),
            FormField(
                .select, name: "by", label: "Whose deadline it is",
                options: Self.byLabels.map { .option($0.0.rawValue, $0.1, selected: clock.by == $0.0) }),
            FormField(
                .text, name: "timescale", label: "Timescale",
                hint:
                    "In the protocol's words: \"3 working days\", \"48 hours\", \"immediately\", \"2 working days of the decision\", \"48 hours of the initial discussion\", or \"a further 2 working days\" with the deadline it follows chosen below",
                value: words),
            FormField(
                .select, name: "after", label: "Counted from",
                options: [.option("", "As the timescale says", selected: clock.after == nil)]
                    + earlier.map { .option($0.id, "Once “\($0.name)” is met", selected: clock.after == $0.id) }),
        ] + confirmField(reading) + [
            FormField(.text, name: "letter", label: "The letter's name, for a letter", value: clock.letter),
            FormField(
                .checkboxes, name: "indicative", label: "Indicative",
                options: [
                    .option(
                        "yes", "The protocol calls it indicative: only its own people are told when it is overdue",
                        selected: clock.indicative)
                ]),
            quoteField(place.draft, chosen: clock.quote),
        ]
    }

    private func routeFields(_ place: Place, _ route: RouteDraft, words: String, reading: String?) -> [FormField] {
        [
            FormField(.text, name: "name", label: "The route's name", hint: "For example, Urgent", value: route.name),
            FormField(
                .text, name: "when", label: "When it is taken (optional)",
                hint:
                    "The protocol's words exactly as in its text, which they are checked against, e.g. where a child may be at risk of significant harm",
                value: route.when),
            FormField(
                .text, name: "timescale", label: "Timescale on this route",
                hint: "In the protocol's words: \"24 hours\", \"immediately\", \"2 working days\"", value: words),
        ] + confirmField(reading) + [quoteField(place.draft, chosen: route.quote)]
    }

    @Sendable func itemForm(_ request: Request, _ list: SiteRoute.StageList) async throws -> Response {
        let place = try await place(request, list)
        let edited = PolicyDraft(yaml: place.draft.yaml)
        switch list {
        case .clocks:
            let clocks = try Self.readable { () throws(PolicyDraft.Problem) in try edited.clocks(stage: place.stage) }
            let clock =
                place.item.map { clocks[$0] }
                ?? ClockDraft(
                    name: "", kind: .respondWithin, by: .receiving, timescale: .none, after: nil, letter: "",
                    indicative: false, quote: "")
            let words =
                place.item == nil
                ? "" : TimescalePhrase.words(for: clock.timescale.timescale, stageNumber: { _ in nil })
            let earlier = Array(clocks.prefix(place.item ?? clocks.count))
            return try await request.adminForm(
                itemPage(
                    place, list, fields: clockFields(place, clock, words: words, earlier: earlier, reading: nil),
                    errors: FormErrors()))
        case .routes:
            let routes = try Self.readable { () throws(PolicyDraft.Problem) in try edited.routes(stage: place.stage) }
            let route = place.item.map { routes[$0] } ?? RouteDraft(name: "", when: "", timescale: .none, quote: "")
            let words =
                place.item == nil
                ? "" : TimescalePhrase.words(for: route.timescale.timescale, stageNumber: { _ in nil })
            return try await request.adminForm(
                itemPage(
                    place, list, fields: routeFields(place, route, words: words, reading: nil), errors: FormErrors()))
        }
    }

    @Sendable func saveItem(_ request: Request, _ list: SiteRoute.StageList) async throws -> Response {
        let place = try await place(request, list)
        var edited = PolicyDraft(yaml: place.draft.yaml)
        let sent = FormValues(request)
        var errors = FormErrors()
        var words = sent.text("timescale")
        // "Within a further 2 working days" counts from the deadline chosen under "Counted from".
        let further = ["a further ", "further ", "within a further "].first { words.lowercased().hasPrefix($0) }
        if let further, list == .clocks {
            if sent.optional("after") == nil { errors.add("after", "Choose the deadline it follows") }
            words = String(words.dropFirst(further.count))
        }
        var timescale = TimescalePhrase.none
        do { timescale = try TimescalePhrase.read(words, earlier: []) } catch {
            errors.add("timescale", FormErrors.sentence(error.message))
        }
        if errors.isEmpty, timescale.amount == nil { errors.add("timescale", "Enter the timescale") }
        let name = sent.text("name")
        if name.isEmpty { errors.add("name", list == .clocks ? "Enter what must happen" : "Enter the route's name") }
        let quote = sent.text("quote")
        if !quote.isEmpty, !SourceSentences.split(place.draft.source).contains(quote) {
            errors.add("quote", "Choose the protocol's words from its text")
        }
        switch list {
        case .clocks:
            let clocks = try Self.readable { () throws(PolicyDraft.Problem) in try edited.clocks(stage: place.stage) }
            let old = place.item.map { clocks[$0] }
            let kind = Clock.Kind(rawValue: sent.text("kind")) ?? .respondWithin
            let letter = sent.text("letter")
            if kind == .letterWithin, letter.isEmpty { errors.add("letter", "Enter the letter's name") }
            let clock = ClockDraft(
                name: name, kind: kind, by: Side(rawValue: sent.text("by")) ?? .receiving, timescale: timescale,
                after: sent.optional("after"), letter: kind == .letterWithin ? letter : "",
                indicative: sent.text("indicative") == "yes", quote: quote)
            let reading =
                errors.isEmpty && timescale != old?.timescale && sent.text("confirm") != "yes"
                ? timescale.sentence(stageTitle: { _ in nil }) : nil
            if reading != nil { errors.add("confirm", "Confirm how Concord reads the timescale, or change it") }
            guard errors.isEmpty else {
                let earlier = Array(clocks.prefix(place.item ?? clocks.count))
                return try await request.adminForm(
                    itemPage(
                        place, list,
                        fields: clockFields(
                            place, clock, words: sent.text("timescale"), earlier: earlier, reading: reading),
                        errors: errors))
            }
            try Self.readable { () throws(PolicyDraft.Problem) in
                try edited.setClock(clock, stage: place.stage, at: place.item)
            }
        case .routes:
            let routes = try Self.readable { () throws(PolicyDraft.Problem) in try edited.routes(stage: place.stage) }
            let old = place.item.map { routes[$0] }
            let route = RouteDraft(name: name, when: sent.text("when"), timescale: timescale, quote: quote)
            let reading =
                errors.isEmpty && timescale != old?.timescale && sent.text("confirm") != "yes"
                ? timescale.sentence(stageTitle: { _ in nil }) : nil
            if reading != nil { errors.add("confirm", "Confirm how Concord reads the timescale, or change it") }
            guard errors.isEmpty else {
                return try await request.adminForm(
                    itemPage(
                        place, list, fields: routeFields(place, route, words: sent.text("timescale"), reading: reading),
                        errors: errors))
            }
            try Self.readable { () throws(PolicyDraft.Problem) in
                try edited.setRoute(route, stage: place.stage, at: place.item)
            }
        }
        try await request.saveDraft(place.draft, yaml: edited.yaml)
        return request.redirect(
            to: .policyDraft(.value(place.partnership.slug), draft: .value(place.draft.id)), notice: .saved)
    }

    @Sendable func removeItem(_ request: Request, _ list: SiteRoute.StageList) async throws -> Response {
        let place = try await place(request, list)
        guard let item = place.item else { throw Abort(.notFound) }
        var edited = PolicyDraft(yaml: place.draft.yaml)
        try Self.readable { () throws(PolicyDraft.Problem) in
            switch list {
            case .clocks: try edited.removeClock(stage: place.stage, at: item)
            case .routes: try edited.removeRoute(stage: place.stage, at: item)
            }
        }
        try await request.saveDraft(place.draft, yaml: edited.yaml)
        return request.redirect(
            to: .policyDraft(.value(place.partnership.slug), draft: .value(place.draft.id)), notice: .saved)
    }
}
