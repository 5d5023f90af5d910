import ConcordCore
import ConcordStore
import Foundation

extension ActionForm {
    /// Reads the answers into the engine's command, or says what is missing and where. The
    /// engine then checks the policy's rules; this only checks what the form itself asks.
    static func command(
        _ action: DisputeAction, sent: FormValues, dispute: VisibleDispute, choices: PeopleChoices, actor: PersonRef
    ) -> Outcome {
        var errors = FormErrors()
        let state = dispute.loaded.state
        func required(_ name: String, _ message: String) -> String {
            let value = sent.text(name)
            if value.isEmpty { errors.add(name, message) }
            return value
        }
        func people(_ name: String, _ message: String) -> [PersonRef] {
            let chosen = sent.all(name).compactMap(choices.person)
            if chosen.isEmpty { errors.add(name, message) }
            return chosen
        }
        if let command = agreementCommand(
            action, sent: sent, dispute: dispute, choices: choices, actor: actor, errors: &errors)
        {
            return errors.isEmpty ? .success(command) : .failure(FormErrorList(errors: errors))
        }
        let command: DisputeCommand
        switch action {
        case .scheduleMeeting:
            command = scheduleCommand(sent, choices: MeetingPeople(dispute, choices), organiser: actor, errors: &errors)
        case .recordMinutes:
            command = minutesCommand(sent, dispute: dispute, choices: MeetingPeople(dispute, choices), errors: &errors)
        case .recordDiscussion:
            let held = sent.date("held", label: "The date", errors: &errors)
            if held == nil { errors.add("held", "Enter the date of the discussion") }
            let method = ContactMethod(rawValue: sent.text("method"))
            if method == nil { errors.add("method", "Select how you talked") }
            let participants = people("participants[]", "Select who took part")
            let summary = required("summary", "Enter what was said and agreed")
            command = .recordDiscussion(
                heldOn: held ?? LocalDate(dayNumber: 0), method: method ?? .telephone, participants: participants,
                summary: summary)
        case .agreePlan: command = planCommand(sent, state: state, choices: choices, errors: &errors)
        case .completeAction:
            let id = required("action", "Select the action that is done")
            command = .completeAction(id: id, note: sent.optional("note"))
        case .addParticipant:
            let person = choices.joining(sent.text("person"))
            if person == nil { errors.add("person", "Select who is joining") }
            let capacity = Capacity(rawValue: sent.text("capacity"))
            if let person, let refusal = choices.refusal(adding: person, as: capacity) {
                errors.add("capacity", refusal)
            }
            command = .addParticipant(
                person ?? PersonRef(id: "", name: "", agency: AgencyRef(id: "", name: ""), level: .practitioner),
                capacity: capacity)
        case .recordStageRecords:
            command = stageRecordsCommand(
                sent,
                customRecords: dispute.loaded.policy.stage(state.currentStage.stage)?.customRecords ?? [],
                errors: &errors)
        case .escalate:
            let reason = required("reason", "Enter why this needs to escalate")
            let chosen = people("people[]", "Select who will take part at the next stage")
            command = .escalate(
                reason: reason, evidence: sent.optional("evidence"), people: chosen, route: RouteChoice.chosen(sent))
        case .escalateForRisk:
            let reason = required("reason", "Enter how the risk to the child has escalated")
            let chosen = people("people[]", "Select who will take part at that stage")
            command = .escalateForRisk(reason: reason, people: chosen)
        case .reportSignificantHarm:
            command = .reportSignificantHarm(concern: required("concern", "Enter the concern"))
        case .notifyLineManager:
            command = .notifyLineManager(reason: required("reason", "Enter why it has not been resolved"))
        case .recordLetter:
            let clock = required("letter", "Select the letter that was sent")
            let sentOn = sent.date("sent", label: "The date", errors: &errors)
            if sentOn == nil { errors.add("sent", "Enter the date the letter was sent") }
            let to = required("to", "Enter who the letter was sent to")
            command = .recordLetter(
                clock: clock, sentOn: sentOn ?? LocalDate(dayNumber: 0), to: to, summary: sent.optional("summary"))
        case .acknowledge:
            command = .acknowledge(note: sent.optional("note"))
        case .resolve:
            let outcome = required("outcome", "Enter what was agreed")
            let agreed = people("agreed-by[]", "Select who agreed it")
            command = .resolve(outcome: outcome, agreedBy: agreed, followUp: sent.optional("follow-up"))
        case .agreeTimescale, .considerReview, .recordReview, .referOnward:
            return .failure(FormErrorList(errors: errors))
        case .withdraw:
            command = .withdraw(reason: required("reason", "Enter why it is being withdrawn"))
        case .close:
            let review = sent.text("review-held")
            command = .close(reviewHeld: review.isEmpty ? nil : review == "yes", note: sent.optional("note"))
        }
        return errors.isEmpty ? .success(command) : .failure(FormErrorList(errors: errors))
    }
}
