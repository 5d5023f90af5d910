import ConcordCore
import ConcordStore
import Foundation

/// What the editor shows of a draft: each stage as practitioners will see it, the problems a
/// check finds (placed in their stage), and the timeline on the partnership's own calendar.
struct DraftPreview: Encodable {
    struct StageCard: Encodable {
        var number: Int
        var title: String
        var summary: String
        var people: [String]
        var timescale: String
        var quote: String?
        var records: [String]
        var more: String?
        var notYetAvailable: Bool
        var hasTimescale: Bool
        var problems: [String]
        var hasProblems = false
        var hasPeople = false
        var hasRecords = false
        var editHref: String
        var quoteHref: String
        var moveHref: String
        var removeHref: String
        var canMoveUp: Bool
        var canMoveDown: Bool
        var clocks: [ItemRow] = []
        var routes: [ItemRow] = []
        var hasClocks = false
        var hasRoutes = false
        var addClockHref = ""
        var addRouteHref = ""
    }

    /// One of a stage's clocks or routes, with its links.
    struct ItemRow: Encodable {
        var text: String
        var label: String
        var editHref: String
        var removeHref: String
    }

    struct TimelineRow: Encodable {
        var stage: String
        var starts: String
        var due: String
    }

    var stages: [StageCard]
    var problems: [String]
    var hasProblems: Bool
    var hasWholeProblems = false
    var timeline: [TimelineRow]
    var hasTimeline: Bool
    var timelineIntro: String
    /// Why it cannot be installed yet, when it cannot.
    var installBlocked: String?

    static func make(
        _ draft: Directory.StoredDraft, partnership: Directory.Partnership, calendar: WorkingCalendar,
        today: LocalDate
    ) -> DraftPreview {
        let edited = PolicyDraft(yaml: draft.yaml)
        let sources = Self.sources(draft)
        var problems: [DocumentProblem] = []
        var policy: Policy?
        do { policy = try PolicyReader.read(draft.yaml, file: "draft", sources: sources, drafting: true) } catch {
            problems = error.problems
        }
        let drafts = (try? edited.stages()) ?? []
        var installBlocked: String?
        if !problems.isEmpty {
            installBlocked = "Put right the problems listed first."
        } else {
            // Only stages marked not yet available stop a draft that reads in the editor.
            let pending = drafts.enumerated().filter { $0.element.notYetAvailable }
            if !pending.isEmpty {
                installBlocked =
                    "The protocol's text is not yet available for "
                    + pending.map { "stage \($0.offset + 1) (\($0.element.title))" }.joined(separator: " and ")
                    + ": write it first, so that no dispute ends early for want of it."
            }
            if sources.isEmpty {
                installBlocked =
                    (installBlocked.map { $0 + " " } ?? "")
                    + "Add the protocol's text, so that every quote is checked against it."
            }
        }
        let lines = edited.stageLines()
        func stageIndex(_ problem: DocumentProblem) -> Int? {
            guard let line = problem.line else { return nil }
            return lines.lastIndex { $0 <= line }
        }
        let slug = Parameter<String>.value(partnership.slug)
        let id = Parameter<UUID>.value(draft.id)
        let titles = Dictionary(drafts.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let cards = drafts.enumerated().map { index, stage in
            let read = policy?.stages.indices.contains(index) == true ? policy?.stages[index] : nil
            let number = Parameter<String>.value(String(index + 1))
            var card = StageCard(
                number: index + 1, title: stage.title, summary: stage.summary,
                people: read?.participants.map(\.description)
                    ?? stage.people.map { $0.title.isEmpty ? $0.level.displayName : $0.title },
                timescale: read?.timescale?.description(stageTitles: titles)
                    ?? stage.timescale.sentence(stageTitle: { titles[$0] }),
                quote: stage.quote.isEmpty ? nil : stage.quote,
                records: (read.map { $0.records.map(Formatting.record) + $0.customRecords.map(\.title) }
                    ?? stage.records.map(Formatting.record)).map(PolicyEditorController.sentenceCase),
                more: stage.otherKeys.isEmpty
                    ? nil : "Also set in the YAML: " + stage.otherKeys.joined(separator: ", "),
                notYetAvailable: stage.notYetAvailable, hasTimescale: stage.timescale.amount != nil,
                problems: problems.filter { stageIndex($0) == index }.map(AdminPolicies.describe),
                editHref: SiteRoute.policyDraftStage(slug, draft: id, stage: number, .edit).path,
                quoteHref: SiteRoute.policyDraftStage(slug, draft: id, stage: number, .quote).path,
                moveHref: SiteRoute.policyDraftStage(slug, draft: id, stage: number, .move).path,
                removeHref: SiteRoute.policyDraftStage(slug, draft: id, stage: number, .remove).path,
                canMoveUp: index > 0, canMoveDown: index < drafts.count - 1)
            func rows(_ list: SiteRoute.StageList, _ texts: [String]) -> [ItemRow] {
                texts.enumerated().map { item, text in
                    let path = { (page: SiteRoute.ItemPage) in
                        SiteRoute.policyDraftStageItem(
                            slug, draft: id, stage: number, list, item: .value(String(item + 1)), page
                        ).path
                    }
                    return ItemRow(
                        text: text, label: "\(list == .clocks ? "clock" : "route") \(item + 1) of stage \(index + 1)",
                        editHref: path(.edit), removeHref: path(.remove))
                }
            }
            let clocks = (try? edited.clocks(stage: index)) ?? []
            card.clocks = rows(
                .clocks,
                clocks.enumerated().map { item, clock in
                    guard let read, read.clocks.indices.contains(item) else { return clock.name }
                    return "\(clock.name): \(read.clocks[item].description(in: read))"
                })
            let routes = (try? edited.routes(stage: index)) ?? []
            card.routes = rows(
                .routes,
                routes.map { route in
                    "\(route.name): within "
                        + (route.timescale.timescale?.phrase ?? "no timescale")
                        + (route.when.isEmpty ? "" : " (\(route.when))")
                })
            card.hasClocks = !card.clocks.isEmpty
            card.hasRoutes = !card.routes.isEmpty
            card.addClockHref =
                SiteRoute.policyDraftStageItem(slug, draft: id, stage: number, .clocks, item: .value("new"), .edit).path
            card.addRouteHref =
                SiteRoute.policyDraftStageItem(slug, draft: id, stage: number, .routes, item: .value("new"), .edit).path
            card.hasProblems = !card.problems.isEmpty
            card.hasPeople = !card.people.isEmpty
            card.hasRecords = !card.records.isEmpty
            return card
        }
        var rows: [TimelineRow] = []
        if let policy, let timeline = try? PolicyTimeline(policy: policy, raised: today, calendar: calendar) {
            rows = timeline.entries.map { entry in
                TimelineRow(
                    stage: entry.stage.title + (entry.stage.notYetAvailable ? " (text not yet available)" : ""),
                    starts: Formatting.date(entry.starts), due: entry.due.map { Formatting.date($0) } ?? "No timescale")
            }
        }
        let whole = problems.filter { stageIndex($0) == nil }.map(AdminPolicies.describe)
        var preview = DraftPreview(
            stages: cards, problems: whole,
            hasProblems: !problems.isEmpty, timeline: rows, hasTimeline: !rows.isEmpty,
            timelineIntro:
                "A dispute raised today, \(Formatting.date(today)), if every stage ran its full timescale: counted on \(partnership.region.displayName) bank holidays and \(partnership.name)'s closure days.",
            installBlocked: installBlocked)
        preview.hasWholeProblems = !whole.isEmpty
        return preview
    }

    static func sources(_ draft: Directory.StoredDraft) -> [SourceText] {
        draft.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? [] : [SourceText(name: "the protocol's text", text: draft.source)]
    }
}
