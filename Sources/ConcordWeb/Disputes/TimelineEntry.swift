import ConcordCore
import ConcordStore
import Foundation

/// One step in a dispute's timeline, in plain words.
struct TimelineEntry: Encodable {
    struct Line: Encodable {
        var label: String
        var text: String
    }

    var title: String
    var byline: String
    var time: String
    var lines: [Line]
    var hasLines = false

    init(_ event: ChainedEvent, policy: Policy) throws {
        let (decoded, at) = try event.decoded()
        byline = "by \(event.content.actorName)"
        time = Formatting.time(at)
        (title, lines) = Self.describe(decoded, policy: policy)
        hasLines = !lines.isEmpty
    }

    private static func stage(_ id: String, _ policy: Policy) -> String {
        policy.stage(id)?.title ?? id
    }

    private static func names(_ people: [PersonRef]) -> String {
        people.map { "\($0.name) (\($0.agency.name))" }.joined(separator: ", ")
    }

    private static func describe(_ event: DisputeEvent, policy: Policy) -> (String, [Line]) {
        switch event {
        case .raised(let raised):
            return ("Dispute raised", [Line(label: "Disagreement", text: raised.disagreement)])
        case .stageEntered(let entry):
            var lines = [Line(label: "Started", text: Formatting.date(entry.startedOn))]
            if let route = policy.stage(entry.stage)?.routes.first(where: { $0.id == entry.route }) {
                lines.append(Line(label: "Route", text: route.name))
            }
            if let due = entry.due { lines.append(Line(label: "Due", text: Formatting.date(due))) }
            if let due = entry.acknowledgementDue {
                lines.append(Line(label: "Acknowledgement due", text: Formatting.date(due)))
            }
            return ("Stage started: \(stage(entry.stage, policy))", lines)
        case .significantHarmReported(let report):
            let who = report.notify.map(Formatting.notifyTarget).joined(separator: " and ")
            var lines = [Line(label: "Concern", text: report.concern)]
            if !who.isEmpty { lines.append(Line(label: "To be told at once", text: who)) }
            return ("Significant harm concern reported", lines)
        case .discussionRecorded(let discussion):
            var lines = [
                Line(
                    label: "Held",
                    text: "\(Formatting.date(discussion.heldOn)), \(Formatting.contactPhrase(discussion.method))"),
                Line(label: "With", text: names(discussion.participants)),
                Line(label: "Summary", text: discussion.summary),
            ]
            if discussion.discouragedMethod {
                lines.append(Line(label: "Note", text: "The policy advises against this way of meeting at this stage."))
            }
            return ("Discussion recorded", lines)
        case .planAgreed(let plan):
            return (
                "Plan of action agreed",
                plan.actions.map { Line(label: $0.owner.name, text: "\($0.action) — by \(Formatting.date($0.due))") }
            )
        case .actionCompleted(let completed):
            return (
                "Action completed",
                [Line(label: "Action", text: completed.actionID)]
                    + (completed.note.map { [Line(label: "Note", text: $0)] } ?? [])
            )
        case .participantAdded(let participation):
            let capacity = participation.capacity.map { " as \(Formatting.capacity($0).lowercased())" } ?? ""
            return (
                "\(participation.person.name) added\(capacity)",
                [Line(label: "Agency", text: participation.person.agency.name)]
            )
        case .stageRecordsRecorded(let recorded):
            return (
                "Stage records recorded",
                records(recorded.records, named: policy.stage(recorded.stage)?.customRecords ?? [])
            )
        case .escalated(let escalation):
            var lines = [
                Line(label: "From", text: stage(escalation.from, policy)),
                Line(label: "Reason", text: escalation.reason),
                Line(label: "People at the next stage", text: names(escalation.people)),
            ]
            if let evidence = escalation.evidence { lines.append(Line(label: "Efforts explored", text: evidence)) }
            let title = escalation.becauseOfRisk ? "Escalated because of risk to" : "Escalated to"
            return ("\(title) \(stage(escalation.to, policy))", lines)
        case .acknowledged(let acknowledgement):
            return (
                "Receipt acknowledged",
                [Line(label: "On", text: Formatting.date(acknowledgement.acknowledgedOn))]
                    + (acknowledgement.note.map { [Line(label: "Note", text: $0)] } ?? [])
            )
        case .resolved(let resolved):
            return (
                "Resolved",
                [
                    Line(label: "Outcome", text: resolved.outcome),
                    Line(label: "Agreed by", text: names(resolved.agreedBy)),
                ]
                    + (resolved.followUp.map { [Line(label: "Follow-up", text: $0)] } ?? [])
            )
        case .referredExternally(let referral):
            let route = policy.externalRoutes.first { $0.id == referral.route }?.name ?? referral.route
            let acting = referral.actingPartner.map { [Line(label: "Acting for all the partners", text: $0)] } ?? []
            return ("Referred onward to \(route)", [Line(label: "Reason", text: referral.reason)] + acting)
        case .withdrawn(let withdrawn):
            return ("Withdrawn", [Line(label: "Reason", text: withdrawn.reason)])
        case .closed(let closed):
            var lines: [Line] = []
            if let review = closed.reviewHeld {
                lines.append(Line(label: "Review to be held", text: review ? "Yes" : "No"))
            }
            if let note = closed.note, !note.isEmpty { lines.append(Line(label: "Note", text: note)) }
            return ("Closed", lines)
        case .meetingScheduled(let meeting): return scheduled(meeting)
        case .meetingMinutesRecorded(let recorded): return minuted(recorded)
        case .timescaleAgreed(let agreed): return agreedTimescale(agreed)
        case .reviewConsidered(let decision): return considered(decision)
        case .reviewRecorded(let review): return reviewed(review)
        case .lineManagerNotified(let notified):
            return (
                "Line manager told it is not resolved at \(stage(notified.stage, policy))",
                [Line(label: "Why", text: notified.reason)]
            )
        case .clockStarted(let started):
            return (
                "Clock started: \(started.name)",
                [
                    Line(label: "Counted from", text: Formatting.date(started.startedOn)),
                    Line(
                        label: "Due by",
                        text: Formatting.date(started.due) + (started.indicative ? " (indicative)" : "")),
                ]
            )
        case .letterSent(let letter):
            return (
                "\(letter.letter) sent",
                [
                    Line(label: "Sent", text: Formatting.date(letter.sentOn)),
                    Line(label: "To", text: letter.to),
                ] + (letter.summary.map { [Line(label: "What it said", text: $0)] } ?? [])
            )
        }
    }

    static func records(_ records: StageRecords, named: [CustomRecord] = []) -> [Line] {
        var lines: [Line] = []
        if let text = records.actionsTaken { lines.append(Line(label: "Actions taken", text: text)) }
        if let text = records.outcome { lines.append(Line(label: "Outcome", text: text)) }
        if let identified = records.learningIdentified {
            lines.append(Line(label: "Learning identified", text: identified ? "Yes" : "No"))
        }
        if let text = records.learning { lines.append(Line(label: "Learning", text: text)) }
        if let text = records.effortsExhausted { lines.append(Line(label: "Efforts explored", text: text)) }
        if let text = records.concernReview {
            lines.append(Line(label: "Line manager's review of the concern", text: text))
        }
        if let text = records.interventionDecision {
            lines.append(Line(label: "Intervention required", text: text))
        }
        if let text = records.leadPartner { lines.append(Line(label: "Partner acting for all three", text: text)) }
        if let minute = records.boardMinute {
            lines.append(
                Line(
                    label: "Recorded in board minutes",
                    text: "\(minute.board), \(Formatting.date(minute.date)), minute \(minute.reference)"))
        }
        // In the policy's order, under its own titles; one it no longer names keeps its id.
        let custom = records.custom ?? [:]
        for record in named { if let text = custom[record.id] { lines.append(Line(label: record.title, text: text)) } }
        for (id, text) in custom.sorted(by: { $0.key < $1.key }) where !named.contains(where: { $0.id == id }) {
            lines.append(Line(label: id, text: text))
        }
        return lines
    }
}
