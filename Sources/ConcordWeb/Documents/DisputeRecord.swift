import ConcordCore
import ConcordStore
import Foundation

/// A dispute written out whole for filing on each agency's own system, as Oldham asks
/// ("decision making captured on each agency's electronic recording system") and Sunderland
/// ("discussions and outcomes are recorded in their agency's records and in the child's file").
/// The same record is the printable page and the downloaded file.
struct DisputeRecord: Encodable {
    struct StageSection: Encodable {
        var title: String
        var dates: [TimelineEntry.Line]
        var entries: [TimelineEntry]
    }

    struct Step: Encodable {
        var time: String
        var title: String
        var byline: String
    }

    var reference: String
    var status: String
    var generated: String
    var summary: [DisputePage.Row]
    var children: [[DisputePage.Row]]
    var childrenHeading: String
    var people: [DisputePage.PersonRow]
    var plan: [DisputePage.ActionRow]
    var stages: [StageSection]
    var steps: [Step]
    var hasChildren: Bool
    var hasPlan: Bool

    init(_ dispute: VisibleDispute, now: Date) throws {
        let page = try DisputePage(dispute, today: LondonTime.date(of: now), actions: [])
        let state = dispute.loaded.state
        reference = page.reference
        status = page.status
        generated = Formatting.time(now)
        summary = page.summary
        children = page.children
        childrenHeading = page.childrenHeading
        people = page.people
        plan = page.plan
        hasChildren = page.hasChildren
        hasPlan = page.hasPlan
        stages = try Self.stages(dispute.loaded.events, state: state, policy: dispute.loaded.policy)
        steps = try dispute.loaded.events.map { event in
            let entry = try TimelineEntry(event, policy: dispute.loaded.policy)
            return Step(time: entry.time, title: entry.title, byline: entry.byline)
        }
    }

    /// Each stage with everything recorded while the dispute was at it, in order. What comes
    /// before the first stage starts (the raising) belongs to the first stage.
    static func stages(_ events: [ChainedEvent], state: DisputeState, policy: Policy) throws -> [StageSection] {
        var sections: [StageSection] = []
        var early: [TimelineEntry] = []
        for event in events {
            let entry = try TimelineEntry(event, policy: policy)
            if case .stageEntered = try event.decoded().event {
                let visit = state.stages[sections.count]
                sections.append(
                    StageSection(
                        title: policy.stage(visit.stage)?.title ?? visit.stage,
                        dates: dates(visit, next: state.stages.dropFirst(sections.count + 1).first), entries: early))
                early = []
            } else if sections.isEmpty {
                early.append(entry)
            } else {
                sections[sections.count - 1].entries.append(entry)
            }
        }
        return sections
    }

    private static func dates(_ visit: DisputeState.StageVisit, next: DisputeState.StageVisit?) -> [TimelineEntry.Line]
    {
        var lines = [TimelineEntry.Line(label: "Started", text: Formatting.date(visit.startedOn))]
        if let due = visit.due { lines.append(.init(label: "Due", text: Formatting.date(due))) }
        if let next { lines.append(.init(label: "Left", text: Formatting.date(next.startedOn))) }
        return lines
    }

    /// Only the reference names the file: the download may sit in a folder others can list.
    static func filename(_ reference: String, suffix: String) -> String {
        let safe = reference.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        return String(String.UnicodeScalarView(safe)) + suffix
    }
}
