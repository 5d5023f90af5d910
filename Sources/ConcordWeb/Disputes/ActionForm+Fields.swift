import ConcordCore
import ConcordStore
import Foundation

extension ActionForm {
    /// The form for `action`, filled with what was sent when it is shown again.
    static func make(
        _ action: DisputeAction, dispute: VisibleDispute, choices: PeopleChoices, sent: FormValues?, today: LocalDate
    ) -> ActionForm {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        let stage = policy.stage(state.currentStage.stage)
        let index = policy.stageIndex(state.currentStage.stage) ?? 0
        func text(_ name: String, _ fallback: String = "") -> String { sent?.text(name) ?? fallback }
        func chosen(_ name: String) -> [String] { sent?.all(name) ?? [] }
        func area(_ name: String, _ label: String, hint: String? = nil, _ fallback: String = "") -> FormField {
            FormField(.textarea, name: name, label: label, hint: hint, value: text(name, fallback))
        }
        func people(_ name: String, _ label: String, hint: String?, from list: [PersonRef]) -> FormField {
            FormField(
                .checkboxes, name: name, label: label, hint: hint,
                options: choices.options(list, selected: chosen(name)))
        }
        func date(_ name: String, _ label: String) -> FormField {
            var field = FormField.date(name: name, label: label, value: sent == nil ? today : nil)
            if let sent {
                field.day = sent.text("\(name)-day")
                field.month = sent.text("\(name)-month")
                field.year = sent.text("\(name)-year")
            }
            return field
        }
        let nextStage = index + 1 < policy.stages.count ? policy.stages[index + 1] : nil

        if let form = agreement(action, dispute: dispute, choices: choices, sent: sent, today: today) { return form }
        switch action {
        case .agreeTimescale, .considerReview, .recordReview, .referOnward:
            return ActionForm(intro: nil, fields: [], submit: "")
        case .scheduleMeeting: return scheduleMeeting(dispute, choices: choices, sent: sent, today: today)
        case .recordMinutes: return minutes(dispute, choices: choices, sent: sent, today: today)
        case .recordDiscussion:
            let expected = stage?.contact.map { "The protocol expects it \(Formatting.contactPhrases($0.methods))." }
            return ActionForm(
                intro: stage?.contact?.quote.map { "“\($0)”" },
                fields: [
                    date("held", "When was it?"),
                    FormField(
                        .radios, name: "method", label: "How was it discussed?", hint: expected,
                        options: ContactMethod.allCases.map {
                            .option($0.rawValue, Formatting.contactMethod($0), selected: text("method") == $0.rawValue)
                        }),
                    people(
                        "participants[]", "Who took part?", hint: "Select everyone who took part.",
                        from: choices.participants),
                    area("summary", "What was said and agreed?"),
                ], submit: "Save discussion")
        case .agreePlan: return plan(state, choices: choices, sent: sent)
        case .completeAction:
            return ActionForm(
                intro: nil,
                fields: [
                    FormField(
                        .radios, name: "action", label: "Which action is done?",
                        options: state.openActions.map {
                            .option(
                                $0.id, $0.action, hint: "\($0.owner.name), by \(Formatting.date($0.due))",
                                selected: text("action") == $0.id)
                        }),
                    area("note", "Note (optional)"),
                ], submit: "Mark as done")
        case .addParticipant:
            let person = text("person")
            return ActionForm(
                intro: nil,
                fields: [
                    FormField(
                        .select, name: "person", label: "Who is joining?",
                        hint: choices.specialists.isEmpty
                            ? nil : "People from other agencies can join only in a capacity the protocol names.",
                        options: [.option("", "Choose someone", selected: person.isEmpty)]
                            + choices.joinable.map {
                                .option(
                                    $0.id, "\($0.name), \($0.agency.name) (\(choices.role($0)))",
                                    selected: $0.id == person)
                            }),
                    FormField(
                        .radios, name: "capacity", label: "Are they taking part in a particular capacity?",
                        options: [.option("", "No particular capacity", selected: text("capacity").isEmpty)]
                            + choices.named.map {
                                .option($0.rawValue, Formatting.capacity($0), selected: text("capacity") == $0.rawValue)
                            }),
                ], submit: "Add to dispute")
        case .recordStageRecords: return stageRecords(dispute, sent: sent, today: today)
        case .escalate:
            let expected = nextStage.map { next in
                "The protocol says "
                    + next.participants.map(\.description).joined(separator: "; ")
            }
            let route = nextStage.flatMap { RouteChoice.field(for: $0, policy: policy, chosen: text("route")) }
            return ActionForm(
                intro: nextStage.map { "This moves the dispute to \($0.title). \($0.summary)" },
                fields: [
                    area("reason", "Why does this need to escalate?"),
                    area(
                        "evidence", "What efforts were explored at this stage?",
                        hint: "Evidence that every effort was explored. Leave empty if recorded already."),
                    people(
                        "people[]", "Who will take part at the next stage?", hint: expected, from: choices.candidates),
                ] + (route.map { [$0] } ?? []), submit: "Escalate")
        case .escalateForRisk:
            let target = policy.riskStage.flatMap(policy.stage)
            return ActionForm(
                intro: target.map { "This moves the dispute straight to \($0.title), skipping the stages between." },
                fields: [
                    area("reason", "How has the risk to the child escalated?"),
                    people("people[]", "Who will take part at that stage?", hint: nil, from: choices.candidates),
                ], submit: "Escalate because of risk")
        case .reportSignificantHarm:
            let targets = policy.significantHarmTargets?.map(Formatting.notifyTarget).joined(separator: " and ")
            return ActionForm(
                intro: "Follow your agency's child protection procedures now."
                    + (targets.map { " The protocol says to tell \($0) at once." } ?? ""),
                fields: [area("concern", "What is the concern?")], submit: "Report concern")
        case .notifyLineManager:
            return ActionForm(
                intro: stage?.notifyLineManagerIfUnresolved?.quote.map {
                    "“\($0)” Concord e-mails your line manager now (or, if the directory records none, your agency's designated safeguarding leads)."
                },
                fields: [area("reason", "Why has it not been resolved?")], submit: "Tell my line manager")
        case .recordLetter:
            let due = state.currentStage.lettersDue
            return ActionForm(
                intro:
                    "The protocol asks for \(due.count == 1 ? "this letter" : "these letters") in writing. Record each once it has been sent.",
                fields: [
                    FormField(
                        .radios, name: "letter", label: "Which letter was sent?",
                        options: due.map {
                            .option(
                                $0.clock, $0.letter ?? $0.name, hint: "Due by \(Formatting.date($0.due))",
                                selected: text("letter") == $0.clock || due.count == 1)
                        }),
                    date("sent", "When was it sent?"),
                    FormField(
                        .text, name: "to", label: "Who was it sent to?",
                        hint: "Their name, role and agency, as on the letter", value: text("to")),
                    area("summary", "What did it say? (optional)", hint: "In brief, for the record"),
                ], submit: "Record the letter")
        case .acknowledge:
            return ActionForm(
                intro: "Confirm that the dispute has been received in writing.",
                fields: [area("note", "Note (optional)")], submit: "Acknowledge receipt")
        case .resolve:
            return ActionForm(
                intro: state.openActions.isEmpty
                    ? nil
                    : "\(state.openActions.count) action(s) in the plan are still open, so say how they will be followed up.",
                fields: [
                    area("outcome", "What was agreed?"),
                    people(
                        "agreed-by[]", "Who agreed it?", hint: "Someone from each agency must agree.",
                        from: choices.participants),
                    area("follow-up", "How will outstanding issues be followed up?"),
                ], submit: "Record resolution")
        case .withdraw:
            return ActionForm(
                intro: "Only withdraw a dispute your agency raised and no longer wishes to pursue.",
                fields: [area("reason", "Why is it being withdrawn?")], submit: "Withdraw dispute")
        case .close:
            var fields: [FormField] = []
            let visited = Set(state.stages.map(\.stage))
            let decided = Set(state.reviewDecisions.map(\.stage))
            for rule in policy.rules {
                guard case .reviewConsideration(let stage, let review) = rule.kind, visited.contains(stage),
                    !decided.contains(stage)
                else { continue }
                fields.append(
                    FormField(
                        .radios, name: "review-held", label: "Will a \(review) be held?", hint: rule.quote,
                        options: [
                            .option("yes", "Yes", selected: text("review-held") == "yes"),
                            .option("no", "No", selected: text("review-held") == "no"),
                        ]))
            }
            fields.append(area("note", "Closing note (optional)"))
            return ActionForm(intro: nil, fields: fields, submit: "Close dispute")
        }
    }
}
