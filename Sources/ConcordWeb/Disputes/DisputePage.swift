import ConcordCore
import ConcordStore
import Foundation

/// Everything the dispute page shows, worked out from the dispute's state and its policy.
struct DisputePage: Encodable {
    struct Row: Encodable {
        var key: String
        var value: String
    }

    struct Requirement: Encodable {
        var name: String
        var hint: String?
        var status: String
        var done: Bool
    }

    struct PersonRow: Encodable {
        var name: String
        var agency: String
        var role: String
        var stage: String
    }

    struct ActionRow: Encodable {
        var action: String
        var owner: String
        var due: String
        var status: String
        var colour: String
    }

    struct ActionLink: Encodable {
        var title: String
        var href: String
    }

    var reference: String
    var status: String
    var statusColour: String
    var summary: [Row]
    var children: [[Row]]
    /// "Child", "Children", "Adult", "Adults", or "Who it concerns" when they differ.
    var childrenHeading = ""
    var stageTitle: String
    var stagePosition: String
    var stageSummary: String
    var deadlines: [DeadlineView]
    var requirements: [Requirement]
    var people: [PersonRow]
    var plan: [ActionRow]
    var hasPlan: Bool
    var timeline: [TimelineEntry]
    var actions: [ActionLink]
    var hasActions: Bool
    var readOnlyReason: String?
    var harmGuidance: [String]
    var accessLogHref: String?
    /// The record, the meeting's papers and the policy's forms, for filing and printing.
    var documents: [Link] = []
    // Leaf treats every list as true, even an empty one, so each list says whether it has items.
    var hasHarmGuidance = false
    var hasDeadlines = false
    var hasRequirements = false
    var hasChildren = false
}

extension DisputePage {
    init(_ dispute: VisibleDispute, today: LocalDate, actions: [DisputeAction]) throws {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        let raised = state.raised
        let stage = policy.stage(state.currentStage.stage)
        let index = policy.stageIndex(state.currentStage.stage) ?? 0
        let open = state.status == .open
        reference = raised.reference
        status = Formatting.statusName(state.status.rawValue)
        statusColour = Formatting.statusColour(state.status.rawValue)
        summary = [
            Row(key: "Partnership", value: raised.partnership),
            Row(key: "Protocol", value: "\(policy.name) (version \(raised.policyVersion.prefix(12)))"),
            Row(
                key: "Working days",
                value: "Counted on \(policy.region.displayName) bank holidays and \(raised.partnership)'s closure days"),
            Row(key: "Raised by", value: "\(raised.raisedBy.name), \(raised.raisedBy.agency.name)"),
            Row(key: "Raised on", value: Formatting.date(raised.raisedOn)),
        ]
        if let decided = raised.decidedOn {
            summary.append(Row(key: "Decision or disagreement on", value: Formatting.date(decided)))
        }
        summary += [
            Row(key: "With", value: raised.otherAgencies.map(\.name).joined(separator: ", ")),
            Row(key: "About", value: raised.category.title),
        ]
        if let issue = raised.issue { summary.append(Row(key: "Issue", value: issue)) }
        summary += [
            Row(key: "The disagreement", value: raised.disagreement),
            Row(key: "Outcome wanted", value: raised.outcomeWanted),
            Row(
                key: "Significant harm",
                value: raised.significantHarm || !state.significantHarm.isEmpty
                    ? "Yes: \(Subject.indefinite(policy.subjectNoun)) may be suffering, or at risk of, significant harm"
                    : "Not reported"),
        ]
        let kinds = Set(raised.children.map(\.kind))
        childrenHeading = Self.heading(kinds, count: raised.children.count)
        children = raised.children.map { child in
            var rows = [Row(key: "Name", value: child.name)]
            if kinds.count > 1 { rows.append(Row(key: "Who", value: Formatting.subject(child.kind))) }
            if let birth = child.dateOfBirth { rows.append(Row(key: "Date of birth", value: Formatting.date(birth))) }
            if let expected = child.expectedBirth {
                rows.append(Row(key: "Expected date of birth", value: Formatting.date(expected)))
            }
            if !child.flags.isEmpty {
                rows.append(Row(key: "Circumstances", value: child.flags.map(Formatting.flag).joined(separator: ", ")))
            }
            for reference in child.caseReferences {
                let agency = state.agencies.first { $0.id == reference.agencyID }?.name ?? "Agency"
                rows.append(Row(key: "\(agency) reference", value: reference.reference))
            }
            return rows
        }
        stageTitle = stage?.title ?? state.currentStage.stage
        stagePosition =
            "Stage \(index + 1) of \(policy.stages.count), started \(Formatting.date(state.currentStage.startedOn))"
        stageSummary = stage?.summary ?? ""
        let calendar = dispute.loaded.calendar
        deadlines = [
            DeadlineView(
                label: state.currentStage.deadlineName(in: policy) ?? "This stage is due", due: state.currentStage.due,
                today: today, calendar: calendar, open: open),
            state.acknowledged == nil
                ? DeadlineView(
                    label: "Acknowledgement due", due: state.acknowledgementDue, today: today, calendar: calendar,
                    open: open) : nil,
            state.currentStage.responseGivenOn == nil
                ? state.currentStage.agreedTimescale?.response.flatMap { response in
                    DeadlineView(
                        label: "Response from \(response.from.name) due", due: response.due, today: today,
                        calendar: calendar, open: open)
                } : nil,
            DeadlineView(
                label: "Whole process due", due: state.overallDue, today: today, calendar: calendar, open: open),
        ].compactMap { $0 }
        // The stage's further clocks, each until it is met.
        let clockDeadlines = state.currentStage.clocks.filter { $0.metOn == nil }.compactMap { run in
            DeadlineView(
                label: run.started.name + (run.started.indicative ? " (indicative)" : "") + " by", due: run.started.due,
                today: today, calendar: calendar, open: open)
        }
        deadlines.insert(contentsOf: clockDeadlines, at: min(1, deadlines.count))
        requirements = stage.map { Self.requirements(state, policy: policy, stage: $0) } ?? []
        people = state.participants.map { participation in
            PersonRow(
                name: participation.person.name, agency: participation.person.agency.name,
                role: participation.capacity.map(Formatting.capacity) ?? participation.person.level.displayName,
                stage: policy.stage(participation.stage)?.title ?? participation.stage)
        }
        plan = state.plan.map { action in
            if let completed = state.completedActions[action.id] {
                return ActionRow(
                    action: action.action, owner: action.owner.name, due: Formatting.date(action.due),
                    status: "Done \(Formatting.date(completed.completedOn))", colour: "green")
            }
            // An open action's due date is watched like the stage's: the same words and colours.
            let watched = DeadlineView(label: "", due: action.due, today: today, calendar: calendar, open: open)
            return ActionRow(
                action: action.action, owner: action.owner.name, due: Formatting.date(action.due),
                status: open ? watched?.tag ?? "Open" : "Not done", colour: open ? watched?.colour ?? "blue" : "grey")
        }
        hasPlan = !plan.isEmpty
        timeline = try dispute.loaded.events.reversed().map { try TimelineEntry($0, policy: policy) }
        self.actions = actions.map {
            ActionLink(title: $0.title, href: SiteRoute.action(.value(dispute.id), $0).path)
        }
        hasActions = !actions.isEmpty
        readOnlyReason =
            dispute.mayAct
            ? nil
            : dispute.relation == .alerted
                ? "You can read this dispute because Concord wrote to you about it. To record anything, ask someone taking part to add you."
                : "You can read this dispute because of your role in the partnership, but not change it."
        harmGuidance = Self.harmGuidance(state, policy: policy)
        accessLogHref = nil
        hasHarmGuidance = !harmGuidance.isEmpty
        hasDeadlines = !deadlines.isEmpty
        hasRequirements = !requirements.isEmpty
        hasChildren = !children.isEmpty
    }

    /// "Child", "Adults", or "Who it concerns" when the dispute is about people of different kinds.
    static func heading(_ kinds: Set<Subject>, count: Int) -> String {
        guard kinds.count == 1, let kind = kinds.first else { return "Who it concerns" }
        switch kind {
        case .children: return count == 1 ? "Child" : "Children"
        case .adults: return count == 1 ? "Adult" : "Adults"
        case .unborn: return count == 1 ? "Unborn baby" : "Unborn babies"
        }
    }

    /// What the stage asks for, each with whether it is done, from the policy's own words.
    static func requirements(_ state: DisputeState, policy: Policy, stage: Stage) -> [Requirement] {
        let visit = state.currentStage
        var items: [Requirement] = []
        for kind in stage.records {
            let done = visit.hasRecord(kind)
            items.append(
                Requirement(
                    name: "Record \(Formatting.record(kind))", hint: nil, status: done ? "Completed" : "Not yet done",
                    done: done))
        }
        for record in stage.customRecords where record.required {
            let done = visit.records.custom?[record.id] != nil
            items.append(
                Requirement(
                    name: "Record: \(record.title)", hint: record.quote, status: done ? "Completed" : "Not yet done",
                    done: done))
        }
        items += stageClockRequirements(visit, stage: stage, policy: policy)
        if let meeting = stage.meeting {
            let held = state.currentStageMeetingHeld
            items.append(
                Requirement(
                    name: "Hold a \(meeting.name.lowercased())", hint: meeting.quote,
                    status: held ? "Completed" : (meeting.required ? "Not yet done" : "Optional"), done: held))
        }
        items += meetingParticipantRequirements(state, policy: policy, stage: stage)
        for rule in policy.rules {
            guard case .requiredParticipant(let capacity, let condition, let stages) = rule.kind,
                stages.contains(stage.id)
            else { continue }
            if let condition, !condition.holds(flags: state.childFlags, category: state.raised.category) { continue }
            let present = state.hasRequiredParticipant(capacity, ruleStages: stages)
            items.append(
                Requirement(
                    name: "Involve the \(Formatting.capacity(capacity).lowercased())", hint: rule.quote,
                    status: present ? "Completed" : "Not yet done", done: present))
        }
        if let contact = stage.contact, !contact.methods.isEmpty {
            items.append(
                Requirement(
                    name: "Discuss it \(Formatting.contactPhrases(contact.methods))", hint: contact.quote,
                    status: visit.discussions.isEmpty ? "Not yet done" : "Completed", done: !visit.discussions.isEmpty))
        }
        return items
    }

    static func harmGuidance(_ state: DisputeState, policy: Policy) -> [String] {
        guard state.raised.significantHarm || !state.significantHarm.isEmpty else { return [] }
        var lines: [String] = []
        if let targets = policy.significantHarmTargets, !targets.isEmpty {
            lines.append(
                "Tell \(targets.map(Formatting.notifyTarget).joined(separator: " and ")) at once, and follow your agency's child protection procedures."
            )
        } else {
            lines.append("Follow your agency's child protection procedures now: do not wait for this dispute.")
        }
        for rule in policy.rules {
            if case .significantHarmNotification = rule.kind, let quote = rule.quote {
                lines.append("The protocol says: “\(quote)”")
            }
        }
        if let risk = policy.riskStage, let stage = policy.stage(risk), let target = policy.stageIndex(risk),
            (policy.stageIndex(state.currentStage.stage) ?? 0) < target, state.status == .open
        {
            lines.append("If the risk to the child escalates, this dispute can go straight to \(stage.title).")
        }
        return lines
    }
}
