import ConcordCore
import ConcordStore
import Foundation

/// The stage's records, its agreed timescale, the review a policy asks about, and referral
/// onward: the forms whose questions come from what the policy names.
extension ActionForm {
    static func stageRecords(_ dispute: VisibleDispute, sent: FormValues?, today: LocalDate) -> ActionForm {
        let state = dispute.loaded.state
        let stage = dispute.loaded.policy.stage(state.currentStage.stage)
        let records = state.currentStage.records
        func text(_ name: String, _ fallback: String?) -> String { sent?.text(name) ?? fallback ?? "" }
        func area(_ name: String, _ label: String, hint: String? = nil, _ fallback: String?) -> FormField {
            FormField(.textarea, name: name, label: label, hint: hint, value: text(name, fallback))
        }
        let asked = Set((stage?.records ?? []) + (stage?.mayRecord ?? []))
        let learning = text("learning-identified", records.learningIdentified.map { $0 ? "yes" : "no" })
        var fields: [FormField] = []
        if asked.contains(.concernReviewed) {
            fields.append(
                area(
                    "concern-review", "Line manager: having reviewed the concern, is it justified, and why?",
                    records.concernReview))
        }
        fields += [
            area("actions-taken", "What actions were taken at this stage?", records.actionsTaken),
            area("outcome", "What was the outcome?", records.outcome),
            FormField(
                .radios, name: "learning-identified", label: "Was any learning identified?",
                options: [
                    .option("yes", "Yes", selected: learning == "yes"), .option("no", "No", selected: learning == "no"),
                ]),
            area("learning", "What learning was identified?", hint: "Needed if you answered yes.", records.learning),
            area(
                "efforts-exhausted", "What efforts were explored to resolve it at this stage?", records.effortsExhausted
            ),
        ]
        if asked.contains(.interventionDecision) {
            fields.append(
                area(
                    "intervention-decision", "What intervention did the statutory partners decide is required?",
                    records.interventionDecision))
        }
        if asked.contains(.leadPartner) {
            fields.append(
                FormField(
                    .text, name: "lead-partner", label: "Which partner was agreed to act on behalf of all three?",
                    hint: "Only if a single point of leadership is needed.",
                    value: text("lead-partner", records.leadPartner)))
        }
        if asked.contains(.boardMinute) {
            let minute = records.boardMinute
            fields.append(
                FormField(
                    .text, name: "board", label: "Board whose minutes record the dispute",
                    value: text("board", minute?.board)))
            var date = FormField.date(name: "board-date", label: "Date of the board meeting", value: minute?.date)
            if let sent {
                date.day = sent.text("board-date-day")
                date.month = sent.text("board-date-month")
                date.year = sent.text("board-date-year")
            }
            fields.append(date)
            fields.append(
                FormField(
                    .text, name: "minute-reference", label: "Minute reference",
                    value: text("minute-reference", minute?.reference)))
        }
        for record in stage?.customRecords ?? [] {
            fields.append(
                area(
                    "record-\(record.id)", record.title + (record.required ? "" : " (if it applies)"),
                    hint: record.quote.map { "“\($0)”" }, records.custom?[record.id]))
        }
        let required =
            (stage?.records.map(Formatting.record) ?? [])
            + (stage?.customRecords ?? []).filter(\.required).map {
                $0.title.prefix(1).lowercased() + $0.title.dropFirst()
            }
        let needed = required.isEmpty ? nil : required.joined(separator: "; ")
        return ActionForm(
            intro: needed.map { "Before this dispute can leave this stage, the protocol needs: \($0)." },
            fields: fields,
            submit: "Save records")
    }

    static func stageRecordsCommand(
        _ sent: FormValues, customRecords: [CustomRecord], errors: inout FormErrors
    ) -> DisputeCommand {
        let learning = sent.text("learning-identified")
        if learning == "yes", sent.optional("learning") == nil {
            errors.add("learning", "Enter what learning was identified")
        }
        var minute: BoardMinute?
        if sent.optional("board") != nil || sent.optional("minute-reference") != nil {
            let date = sent.date("board-date", label: "The date of the board meeting", errors: &errors)
            if date == nil { errors.add("board-date", "Enter the date of the board meeting") }
            if sent.optional("board") == nil { errors.add("board", "Enter the board") }
            if sent.optional("minute-reference") == nil { errors.add("minute-reference", "Enter the minute reference") }
            minute = BoardMinute(
                board: sent.text("board"), date: date ?? LocalDate(dayNumber: 0),
                reference: sent.text("minute-reference"))
        }
        return .recordStageRecords(
            StageRecords(
                actionsTaken: sent.optional("actions-taken"), outcome: sent.optional("outcome"),
                learningIdentified: learning.isEmpty ? nil : learning == "yes", learning: sent.optional("learning"),
                effortsExhausted: sent.optional("efforts-exhausted"), concernReview: sent.optional("concern-review"),
                interventionDecision: sent.optional("intervention-decision"),
                leadPartner: sent.optional("lead-partner"),
                boardMinute: minute,
                custom: Dictionary(
                    uniqueKeysWithValues: customRecords.compactMap { record in
                        sent.optional("record-\(record.id)").map { (record.id, $0) }
                    })))
    }
}
