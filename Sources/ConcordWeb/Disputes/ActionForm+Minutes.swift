import ConcordCore
import Foundation

extension ActionForm {
    /// Oldham's minutes template, filled from the dispute: the scheduled meeting's date and
    /// invitees, the disagreement as raised, the child's details and the open actions.
    static func minutes(
        _ dispute: VisibleDispute, choices: PeopleChoices, sent: FormValues?, today: LocalDate
    ) -> ActionForm {
        let state = dispute.loaded.state
        let people = MeetingPeople(dispute, choices)
        func text(_ name: String, _ fallback: String) -> String { sent?.text(name) ?? fallback }
        func area(_ name: String, _ label: String, hint: String? = nil, _ fallback: String = "") -> FormField {
            FormField(.textarea, name: name, label: label, hint: hint, value: text(name, fallback))
        }
        var fields = [
            dateField("held", "When was the meeting held?", sent: sent, value: state.pendingMeeting?.date ?? today),
            FormField(
                .checkboxes, name: "attendees[]", label: "Who attended?",
                options: choices.options(people.known, selected: sent?.all("attendees[]") ?? people.expected)),
            area("purpose", "Purpose of the meeting", MeetingPrefill.purpose(state)),
        ]
        for (number, agency) in state.agencies.enumerated() {
            fields.append(
                area(
                    "view-\(number + 1)", "\(agency.name)'s view",
                    agency.id == state.raised.raisedBy.agency.id ? MeetingPrefill.raisingView(state) : ""))
        }
        fields += [
            area(
                "circumstances", state.raised.scope == .practice ? "The child's circumstances" : "The circumstances",
                MeetingPrefill.circumstances(state, agencies: state.agencies)),
            area("options", "Options considered"),
        ]
        if let meeting = dispute.loaded.policy.stage(state.currentStage.stage)?.meeting {
            fields.append(
                area(
                    "learning", meeting.learning ? "Learning points" : "Learning points (optional)",
                    hint: meeting.learning
                        ? "The protocol holds this meeting so that learning points are recorded. Write “none identified” if there were none."
                        : nil))
        }
        let open = state.openActions
        for number in 1...(open.count + minuteRows) {
            let existing = number <= open.count ? open[number - 1] : nil
            fields.append(
                FormField(
                    .text, name: "action-\(number)", label: "Agreed action \(number)",
                    hint: number == 1
                        ? "Open actions from the plan are filled in. Leave a row empty if not needed." : nil,
                    value: text("action-\(number)", existing?.action ?? "")))
            fields.append(
                FormField(
                    .select, name: "owner-\(number)", label: "Who will do agreed action \(number)",
                    options: people.owners(selected: text("owner-\(number)", existing?.owner.id ?? ""))))
            fields.append(
                dateField("due-\(number)", "Agreed action \(number) to be done by", sent: sent, value: existing?.due))
        }
        fields.append(dateField("review", "Date of review", sent: sent, value: nil))
        return ActionForm(
            intro: "These minutes become part of the dispute's permanent record and cannot be changed afterwards.",
            fields: fields, submit: "Save minutes")
    }

    static func minutesCommand(
        _ sent: FormValues, dispute: VisibleDispute, choices: MeetingPeople, errors: inout FormErrors
    ) -> DisputeCommand {
        let state = dispute.loaded.state
        func required(_ name: String, _ message: String) -> String {
            let value = sent.text(name)
            if value.isEmpty { errors.add(name, message) }
            return value
        }
        let held = sent.date("held", label: "The date of the meeting", errors: &errors)
        if held == nil { errors.add("held", "Enter the date the meeting was held") }
        let attendees = sent.all("attendees[]").compactMap(choices.person)
        if attendees.isEmpty { errors.add("attendees[]", "Select who attended") }
        let purpose = required("purpose", "Enter the purpose of the meeting")
        let views = state.agencies.enumerated().map { number, agency in
            AgencyView(agency: agency, view: required("view-\(number + 1)", "Enter \(agency.name)'s view"))
        }
        let circumstances = required("circumstances", "Enter the circumstances discussed")
        let options = required("options", "Enter the options considered")
        var actions: [PlannedAction] = []
        for number in 1...(state.openActions.count + minuteRows) {
            let text = sent.text("action-\(number)")
            guard !text.isEmpty else { continue }
            let owner = choices.known.first { $0.id == sent.text("owner-\(number)") }
            if owner == nil { errors.add("owner-\(number)", "Select who will do agreed action \(number)") }
            let due = sent.date("due-\(number)", label: "The date for agreed action \(number)", errors: &errors)
            if due == nil { errors.add("due-\(number)", "Enter when agreed action \(number) will be done by") }
            if let owner, let due {
                actions.append(PlannedAction(id: "\(actions.count + 1)", action: text, owner: owner, due: due))
            }
        }
        let rows = (1...(state.openActions.count + minuteRows)).filter { !sent.text("action-\($0)").isEmpty }
        if rows.isEmpty { errors.add("action-1", "Enter at least one agreed action, with who will do it and by when") }
        let review = sent.date("review", label: "The date of review", errors: &errors)
        if review == nil { errors.add("review", "Enter the date of review") }
        return .recordMinutes(
            MeetingMinutes(
                heldOn: held ?? LocalDate(dayNumber: 0), attendees: attendees, purpose: purpose, views: views,
                circumstances: circumstances, options: options, actions: actions,
                reviewOn: review ?? LocalDate(dayNumber: 0), learning: sent.optional("learning")))
    }
}
