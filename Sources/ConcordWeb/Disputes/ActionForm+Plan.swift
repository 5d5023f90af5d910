import ConcordCore
import ConcordStore
import Foundation

extension ActionForm {
    /// One row of the plan form: an action already in the plan, one someone else added while
    /// the form was open, a row as it was sent, or a blank row for a new action.
    struct PlanRow {
        var id: String
        var existing: PlannedAction?
        /// The row's number in the submitted form, whose answers it shows again.
        var sentNumber: Int?
        var addedMeanwhile = false
    }

    /// Agreeing a plan replaces its open actions, so a form shown again after someone else
    /// changed the plan keeps the rows as sent and adds, filled in, every open action it did not
    /// have: submitting it can then never drop their action unseen. Rows for actions completed
    /// meanwhile go, because completed actions stay in the plan anyway.
    static func planRows(_ state: DisputeState, sent: FormValues?) -> [PlanRow] {
        guard let sent else {
            return state.openActions.map { PlanRow(id: $0.id, existing: $0) } + Array(repeating: blankRow, count: 3)
        }
        var rows: [PlanRow] = []
        for number in 1...sentRowCount(state, sent: sent) {
            let id = sent.text("id-\(number)")
            if !id.isEmpty, state.completedActions[id] != nil { continue }
            rows.append(PlanRow(id: id, existing: state.openActions.first { $0.id == id }, sentNumber: number))
        }
        let onForm = Set(rows.map(\.id))
        let added = state.openActions.filter { !onForm.contains($0.id) }
        rows += added.map { PlanRow(id: $0.id, existing: $0, addedMeanwhile: true) }
        if !rows.contains(where: { $0.id.isEmpty }) { rows.append(blankRow) }
        return rows
    }

    private static let blankRow = PlanRow(id: "", existing: nil)

    /// How many rows the form had; a form from before the count was sent had the open actions
    /// and three blank rows. Capped so a forged count cannot make the server read without end.
    static func sentRowCount(_ state: DisputeState, sent: FormValues) -> Int {
        let fallback = state.openActions.count + 3
        return min(max(Int(sent.text("rows")) ?? fallback, 1), state.plan.count + 50)
    }

    static func plan(_ state: DisputeState, choices: PeopleChoices, sent: FormValues?) -> ActionForm {
        var fields: [FormField] = []
        let rows = planRows(state, sent: sent)
        var hidden = ["rows": String(rows.count)]
        for (offset, row) in rows.enumerated() {
            let number = offset + 1
            func answer(_ name: String, _ fallback: String) -> String {
                guard let sentNumber = row.sentNumber, let sent else { return fallback }
                return sent.text("\(name)-\(sentNumber)")
            }
            hidden["id-\(number)"] = row.id
            let hint =
                row.addedMeanwhile
                ? "Added by someone else while you had this form open. It stays in the plan unless you empty it."
                : number == 1 ? "What will be done. Leave a row empty if it is not needed." : nil
            fields.append(
                FormField(
                    .text, name: "action-\(number)", label: "Action \(number)", hint: hint,
                    value: answer("action", row.existing?.action ?? "")))
            let owner = answer("owner", row.existing?.owner.id ?? "")
            fields.append(
                FormField(
                    .select, name: "owner-\(number)", label: "Who will do action \(number)",
                    options: [.option("", "Choose someone", selected: owner.isEmpty)]
                        + choices.participants.map {
                            .option($0.id, "\($0.name), \($0.agency.name)", selected: $0.id == owner)
                        }))
            var due = FormField.date(
                name: "due-\(number)", label: "Action \(number) to be done by", value: row.existing?.due)
            if let sentNumber = row.sentNumber, let sent {
                due.day = sent.text("due-\(sentNumber)-day")
                due.month = sent.text("due-\(sentNumber)-month")
                due.year = sent.text("due-\(sentNumber)-year")
            }
            fields.append(due)
        }
        return ActionForm(
            intro: "Completed actions stay in the plan. Change or add the open ones.", fields: fields,
            hidden: hidden, submit: "Agree plan")
    }

    static func planCommand(
        _ sent: FormValues, state: DisputeState, choices: PeopleChoices, errors: inout FormErrors
    ) -> DisputeCommand {
        var actions: [PlannedAction] = []
        let taken = Set(state.plan.map(\.id))
        var next = state.plan.count + 1
        for number in 1...sentRowCount(state, sent: sent) {
            let text = sent.text("action-\(number)")
            guard !text.isEmpty else { continue }
            let owner = choices.person(sent.text("owner-\(number)"))
            if owner == nil { errors.add("owner-\(number)", "Select who will do action \(number)") }
            let due = sent.date("due-\(number)", label: "The date for action \(number)", errors: &errors)
            if due == nil { errors.add("due-\(number)", "Enter when action \(number) will be done by") }
            var id = sent.text("id-\(number)")
            if id.isEmpty {
                while taken.contains("A\(next)") || actions.contains(where: { $0.id == "A\(next)" }) { next += 1 }
                id = "A\(next)"
            }
            if let owner, let due { actions.append(PlannedAction(id: id, action: text, owner: owner, due: due)) }
        }
        if actions.isEmpty && errors.isEmpty { errors.add("action-1", "Enter at least one action") }
        return .agreePlan(actions)
    }
}
