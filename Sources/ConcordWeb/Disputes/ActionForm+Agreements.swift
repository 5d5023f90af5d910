import ConcordCore
import ConcordStore
import Foundation

extension ActionForm {
    /// Sunderland's agreed timescale, Coventry's review, and referral onward.
    static func agreement(
        _ action: DisputeAction, dispute: VisibleDispute, choices: PeopleChoices, sent: FormValues?, today: LocalDate
    ) -> ActionForm? {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        func text(_ name: String) -> String { sent?.text(name) ?? "" }
        func yesNo(_ name: String, _ label: String, hint: String?) -> FormField {
            FormField(
                .radios, name: name, label: label, hint: hint,
                options: [
                    .option("yes", "Yes", selected: text(name) == "yes"),
                    .option("no", "No", selected: text(name) == "no"),
                ])
        }
        switch action {
        case .agreeTimescale:
            let maximum = policy.effectiveTimescale(at: state.currentStage)
            return ActionForm(
                intro: maximum?.quote.map { "“\($0)”" },
                fields: [
                    FormField(
                        .text, name: "working-days", label: "How many working days have you agreed for this stage?",
                        hint: "At most \(maximum?.amount ?? 0), counted from the day the stage started.",
                        value: text("working-days"), width: "2"),
                    FormField(
                        .textarea, name: "reason", label: "Why this timescale, given the risk to the child?",
                        value: text("reason")),
                    FormField(
                        .checkboxes, name: "agreed-by[]", label: "Who agreed it?",
                        options: choices.options(choices.participants, selected: sent?.all("agreed-by[]") ?? [])),
                    FormField(
                        .select, name: "responder", label: "Who is to respond? (optional)",
                        hint: "For example the other line manager, if a time for their response was agreed too.",
                        options: [.option("", "Nobody", selected: text("responder").isEmpty)]
                            + choices.participants.map {
                                .option($0.id, "\($0.name), \($0.agency.name)", selected: $0.id == text("responder"))
                            }),
                    FormField(
                        .text, name: "response-days", label: "Within how many working days of today?",
                        hint: "At most \(maximum?.amount ?? 0). Leave empty if nobody is to respond.",
                        value: text("response-days"), width: "2"),
                ], submit: "Agree timescale")
        case .considerReview:
            let review = policy.review(at: state.currentStage.stage) ?? "review"
            let rule = policy.rules.first { if case .reviewConsideration = $0.kind { true } else { false } }
            return ActionForm(
                intro: nil,
                fields: [
                    yesNo("will-hold", "Will a \(review) be held?", hint: rule?.quote),
                    FormField(.textarea, name: "note", label: "Why? (optional)", value: text("note")),
                ], submit: "Save decision")
        case .recordReview:
            var date = FormField.date(
                name: "held", label: "When was the review held?", value: sent == nil ? today : nil)
            if let sent {
                date.day = sent.text("held-day")
                date.month = sent.text("held-month")
                date.year = sent.text("held-year")
            }
            return ActionForm(
                intro: "Record the review “to learn lessons and develop policy as a result of the disagreement”.",
                fields: [
                    date,
                    FormField(
                        .checkboxes, name: "participants[]", label: "Who took part?",
                        options: choices.options(
                            choices.participants
                                + choices.candidates.filter { candidate in
                                    !choices.participants.contains { $0.id == candidate.id }
                                }, selected: sent?.all("participants[]") ?? [])),
                    FormField(.textarea, name: "lessons", label: "What lessons were learned?", value: text("lessons")),
                    FormField(
                        .textarea, name: "policy-changes", label: "What policy changes were agreed? (optional)",
                        value: text("policy-changes")),
                ], submit: "Record review")
        case .referOnward:
            let routes = policy.referralRoutes
            var fields = [
                FormField(
                    .radios, name: "route", label: "Where is it being referred?",
                    options: routes.map { .option($0.id, $0.name, hint: $0.quote, selected: text("route") == $0.id) }),
                FormField(.textarea, name: "reason", label: "Why is it being referred?", value: text("reason")),
            ]
            if routes.contains(where: \.actingPartner) {
                fields.append(
                    FormField(
                        .text, name: "acting-partner",
                        label: "Which partner will act on behalf of all the safeguarding partners?",
                        hint: "Needed for independent arbitration.", value: text("acting-partner")))
            }
            return ActionForm(intro: nil, fields: fields, submit: "Refer onward")
        default: return nil
        }
    }

    static func agreementCommand(
        _ action: DisputeAction, sent: FormValues, dispute: VisibleDispute, choices: PeopleChoices, actor: PersonRef,
        errors: inout FormErrors
    ) -> DisputeCommand? {
        let policy = dispute.loaded.policy
        switch action {
        case .agreeTimescale:
            let days = Int(sent.text("working-days"))
            if days == nil { errors.add("working-days", "Enter the number of working days, for example 3") }
            let reason = sent.text("reason")
            if reason.isEmpty { errors.add("reason", "Enter why this timescale was agreed") }
            let people = sent.all("agreed-by[]").compactMap(choices.person)
            if people.isEmpty { errors.add("agreed-by[]", "Select who agreed it") }
            var response: ResponseRequest?
            let responder = sent.text("responder")
            let responseDays = sent.text("response-days")
            if !responder.isEmpty || !responseDays.isEmpty {
                let person = choices.person(responder)
                if person == nil {
                    errors.add("responder", "Select who is to respond, or leave the number of days empty")
                }
                let within = Int(responseDays)
                if within == nil {
                    errors.add("response-days", "Enter the number of working days for the response, for example 2")
                }
                if let person, let within { response = ResponseRequest(from: person, workingDays: within) }
            }
            return .agreeTimescale(workingDays: days ?? 0, reason: reason, agreedBy: people, response: response)
        case .considerReview:
            let answer = sent.text("will-hold")
            if answer.isEmpty { errors.add("will-hold", "Select yes if the review will be held") }
            return .considerReview(willHold: answer == "yes", note: sent.optional("note"))
        case .recordReview:
            let held = sent.date("held", label: "The date", errors: &errors)
            if held == nil { errors.add("held", "Enter the date of the review") }
            let people = sent.all("participants[]").compactMap(choices.person)
            if people.isEmpty { errors.add("participants[]", "Select who took part") }
            let lessons = sent.text("lessons")
            if lessons.isEmpty { errors.add("lessons", "Enter the lessons learned") }
            return .recordReview(
                ReviewRecord(
                    heldOn: held ?? LocalDate(dayNumber: 0), participants: people, lessons: lessons,
                    policyChanges: sent.optional("policy-changes")))
        case .referOnward:
            let route = sent.text("route")
            if route.isEmpty { errors.add("route", "Select where it is being referred") }
            let reason = sent.text("reason")
            if reason.isEmpty { errors.add("reason", "Enter why it is being referred") }
            // The policy says who may take a route: North East Lincolnshire's regulators and
            // arbitration are the safeguarding partners' to take, through the business office.
            if let chosen = policy.externalRoutes.first(where: { $0.id == route }), !chosen.takenBy.isEmpty,
                !chosen.takenBy.contains(actor.level)
            {
                let who = chosen.takenBy.map { $0.displayName.lowercased() }.joined(separator: " or ")
                errors.add("route", "Only the \(who) can refer a dispute to \(chosen.name)")
            }
            return .referExternally(route: route, reason: reason, actingPartner: sent.optional("acting-partner"))
        default: return nil
        }
    }
}
