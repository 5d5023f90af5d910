import Foundation

/// Decides what Concord must write when a command's events are recorded: the protocols'
/// written confirmations, notices to people named or added, and significant-harm alerts.
/// Pure, so the store can queue its notices in the same transaction as the events.
public struct NoticePlanner: Sendable {
    public var policy: Policy
    /// The dispute's id, which makes each notice's key unique across disputes.
    public var disputeID: String

    public init(policy: Policy, disputeID: String) {
        self.policy = policy
        self.disputeID = disputeID
    }

    /// The notices for `events`, appended as versions `firstVersion...` and leading to `state`.
    public func notices(
        for events: [DisputeEvent], firstVersion: Int, state: DisputeState, actor: PersonRef
    ) -> [Notice] {
        var planned: [Notice] = []
        for (offset, event) in events.enumerated() {
            let key = "\(disputeID)/\(firstVersion + offset)"
            planned += notices(for: event, key: key, batch: events, state: state, actor: actor)
        }
        return planned
    }

    private func notices(
        for event: DisputeEvent, key: String, batch: [DisputeEvent], state: DisputeState, actor: PersonRef
    ) -> [Notice] {
        let text = NoticeWriting(policy: policy, state: state)
        let audience = StepAudience(policy: policy, state: state)
        // The written confirmation of something recorded at a stage, to the people it concerns
        // and those the stage's policy says are told.
        func confirmation(
            at stage: String, otherwise phrase: String, naming named: [PersonRef], _ content: NoticeContent
        ) -> [Notice] {
            informing(
                at: stage, of: state,
                Notice(
                    kind: .confirmation, audience: audience.confirmation(at: stage, naming: named),
                    subject: text.confirmationSubject(stage: stage, saying: phrase),
                    content: content, key: key))
        }
        switch event {
        case .raised(let raised):
            // A concern raised with the dispute is its own event, which alerts as any other does.
            return informing(
                at: state.stages.first?.stage ?? "", of: state,
                Notice(
                    kind: .named, audience: audience.everyone,
                    subject: text.subject("dispute raised under \(policy.partnership)'s \(policy.name)"),
                    content: text.raisedContent(raised), key: key))
        case .stageEntered(let entry):
            // Raising already says which stage the dispute starts at.
            if batch.contains(where: { if case .raised = $0 { true } else { false } }) { return [] }
            return informing(
                at: entry.stage, of: state,
                Notice(
                    kind: .stageStarted, audience: audience.stageEntered(joining: state.escalations.last?.people ?? []),
                    subject: text.stageSubject(entry.stage, otherwise: "escalated to \(text.stageTitle(entry.stage))"),
                    content: text.stageContent(entry, escalation: state.escalations.last), key: key))
        case .significantHarmReported(let report):
            guard !report.notify.isEmpty else { return [] }
            return [
                Notice(
                    kind: .significantHarm, audience: .safeguardingContacts(of: actor, targets: report.notify),
                    subject: text.subject("concern that a child may be at risk of significant harm"),
                    content: text.significantHarmContent(reportedBy: actor, concern: report.concern), urgent: true,
                    key: key)
            ]
        case .discussionRecorded(let discussion):
            return confirmation(
                at: discussion.stage, otherwise: "record of the discussion on \(discussion.heldOn.text)",
                naming: discussion.participants, text.discussionContent(discussion))
        case .planAgreed(let agreed):
            return confirmation(
                at: agreed.stage, otherwise: "plan of action agreed", naming: agreed.actions.map(\.owner),
                text.planContent(agreed))
        case .stageRecordsRecorded(let recorded):
            return confirmation(
                at: recorded.stage, otherwise: "stage records", naming: [], text.recordsContent(recorded))
        case .participantAdded(let participation):
            return [
                Notice(
                    kind: .named, audience: .people([participation.person]),
                    subject: text.subject("you have been added to a dispute"),
                    content: text.addedContent(participation), key: key)
            ]
        case .acknowledged(let acknowledgement):
            return [
                Notice(
                    kind: .confirmation,
                    audience: audience.confirmation(
                        at: acknowledgement.stage, naming: [state.raised.raisedBy]),
                    subject: text.subject("receipt acknowledged"),
                    content: text.acknowledgedContent(acknowledgement), key: key)
            ]
        case .resolved, .referredExternally, .withdrawn, .closed:
            // Closing follows an ending everyone was told of; it concerns the last stage's people.
            let told = event.type == "closed" ? audience.confirmation(at: state.currentStage.stage) : audience.everyone
            return [
                Notice(
                    kind: .ended, audience: told, subject: text.subject(text.endedPhrase(event)),
                    content: text.endedContent(event), key: key)
            ]
        case .meetingScheduled(let meeting):
            var notice = Notice(
                kind: .confirmation, audience: .people([meeting.organiser] + meeting.invited),
                subject: text.subject("\(meeting.name) on \(meeting.date.textWithWeekday) at \(meeting.start)"),
                content: text.meetingContent(meeting), key: key)
            notice.invitation = meeting
            return [notice]
        case .meetingMinutesRecorded(let recorded):
            return confirmation(
                at: recorded.stage,
                otherwise: "minutes of the \(recorded.name.lowercased()) held on \(recorded.minutes.heldOn.text)",
                naming: recorded.minutes.attendees + recorded.minutes.actions.map(\.owner),
                text.minutesContent(recorded))
        case .timescaleAgreed(let agreed):
            return confirmation(
                at: agreed.stage, otherwise: "timescale agreed",
                naming: agreed.agreedBy + (agreed.response.map { [$0.from] } ?? []),
                text.agreedTimescaleContent(agreed))
        case .reviewConsidered(let decision):
            return confirmation(
                at: decision.stage, otherwise: "\(decision.review) considered", naming: [],
                text.reviewDecisionContent(decision))
        case .reviewRecorded(let review):
            return [
                Notice(
                    kind: .confirmation, audience: audience.everyone,
                    subject: text.subject("\(review.review) recorded"), content: text.reviewContent(review), key: key)
            ]
        case .lineManagerNotified(let notified):
            return [
                Notice(
                    kind: .lineManagerTold, audience: .lineManager(of: actor),
                    subject: text.subject("not resolved at \(text.stageTitle(notified.stage)): you are told at once"),
                    content: text.lineManagerContent(notified, by: actor), urgent: true, key: key)
            ]
        case .letterSent(let letter):
            return confirmation(
                at: letter.stage, otherwise: "\(letter.letter.lowercased()) sent", naming: [],
                text.letterContent(letter))
        case .escalated, .actionCompleted, .clockStarted:
            // An escalation is written up with the stage it enters; a completed action is
            // shown in Concord and in the next confirmation; a clock starting is watched, and
            // reminded of before it falls due.
            return []
        }
    }

    /// The notice, and a copy for those the stage's policy says are told without taking part.
    private func informing(at stage: String, of state: DisputeState, _ notice: Notice) -> [Notice] {
        guard let levels = policy.stage(stage)?.inform.map(\.level), !levels.isEmpty else { return [notice] }
        var copy = notice
        copy.audience = .informed(levels: levels, agencies: state.agencies.map(\.id))
        copy.key += "/informed"
        return [notice, copy]
    }
}
