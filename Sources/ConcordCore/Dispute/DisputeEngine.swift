import Foundation

/// Decides what a command does to a dispute under the policy version it was raised with:
/// either the events to append, or a typed refusal. It never touches storage.
public struct DisputeEngine: Sendable {
    public let policy: Policy
    /// The SHA-256 of the policy's YAML text, recorded on every dispute it governs.
    public let policyVersion: String
    public let calendar: WorkingCalendar

    public init(policy: Policy, policyVersion: String, calendar: WorkingCalendar) {
        self.policy = policy
        self.policyVersion = policyVersion
        self.calendar = calendar
    }

    public func raise(_ command: RaiseDispute, at now: Date) throws(DisputeError) -> [DisputeEvent] {
        try checkRaise(command)
        let today = LondonTime.date(of: now)
        // Measured from receipt in writing, the whole process's deadline is fixed when the
        // acknowledgement stage is entered instead.
        var overallDue: LocalDate?
        if let decided = command.decidedOn, decided > today { throw .decisionInFuture }
        if let overall = policy.overall, overall.from == .disputeRaised || overall.from == .decision {
            overallDue = try due(overall, from: overall.from == .decision ? command.decidedOn ?? today : today)
        }
        let raised = DisputeEvent.Raised(
            reference: command.reference, partnershipID: command.partnershipID, partnership: policy.partnership,
            policyID: policy.id,
            policyVersion: policyVersion, scope: policy.scope, raisedBy: command.raisedBy,
            otherAgencies: command.otherAgencies, professionals: command.professionals, children: command.children,
            issue: command.issue, category: command.category, disagreement: command.disagreement,
            outcomeWanted: command.outcomeWanted, significantHarm: command.significantHarm, raisedOn: today,
            overallDue: overallDue, decidedOn: command.decidedOn)
        var events: [DisputeEvent] = [
            .raised(raised),
            .stageEntered(
                try entry(
                    stage: 0, on: today, raisedOn: today, receipt: nil, route: command.route,
                    decidedOn: command.decidedOn)),
        ]
        if command.significantHarm, let notify = policy.significantHarmTargets {
            events.append(.significantHarmReported(.init(notify: notify, concern: command.disagreement)))
        }
        return try withClocks(events, after: nil, at: now)
    }

    public func decide(
        _ command: DisputeCommand, on state: DisputeState, at now: Date
    ) throws(DisputeError)
        -> [DisputeEvent]
    {
        let today = LondonTime.date(of: now)
        guard state.raised.policyID == policy.id, state.raised.policyVersion == policyVersion else {
            throw .policyMismatch(
                dispute: "\(state.raised.policyID)@\(state.raised.policyVersion.prefix(12))",
                engine: "\(policy.id)@\(policyVersion.prefix(12))")
        }
        try checkStatus(command, state)
        return try withClocks(try events(for: command, on: state, today: today), after: state, at: now)
    }

    private func events(
        for command: DisputeCommand, on state: DisputeState, today: LocalDate
    ) throws(DisputeError) -> [DisputeEvent] {
        switch command {
        case .recordDiscussion(let heldOn, let method, let participants, let summary):
            return try recordDiscussion(
                state, heldOn: heldOn, method: method, participants: participants, summary, today: today)
        case .agreePlan(let actions): return try agreePlan(state, actions)
        case .completeAction(let id, let note): return try completeAction(state, id: id, note: note, today: today)
        case .addParticipant(let person, let capacity): return try addParticipant(state, person, capacity)
        case .recordStageRecords(let records): return try recordStageRecords(state, records)
        case .escalate(let reason, let evidence, let people, let route):
            return try escalate(state, reason: reason, evidence: evidence, people: people, route: route, today: today)
        case .escalateForRisk(let reason, let people):
            return try escalateForRisk(state, reason: reason, people: people, today: today)
        case .reportSignificantHarm(let concern): return try reportSignificantHarm(concern)
        case .acknowledge(let note): return try acknowledge(state, note: note, today: today)
        case .resolve(let outcome, let agreedBy, let followUp):
            return try resolve(state, outcome: outcome, agreedBy: agreedBy, followUp: followUp)
        case .referExternally(let route, let reason, let partner):
            return try referExternally(state, route: route, reason: reason, actingPartner: partner)
        case .withdraw(let reason): return [.withdrawn(.init(reason: try required(reason, "a reason")))]
        case .close(let reviewHeld, let note): return try close(state, reviewHeld: reviewHeld, note: note)
        case .scheduleMeeting(let request): return try scheduleMeeting(state, request, today: today)
        case .recordMinutes(let minutes): return try recordMinutes(state, minutes, today: today)
        case .agreeTimescale(let days, let reason, let people, let response):
            return try agreeTimescale(
                state, workingDays: days, reason: reason, agreedBy: people, response: response, today: today)
        case .considerReview(let willHold, let note): return try considerReview(state, willHold: willHold, note: note)
        case .recordReview(let review): return try recordReview(state, review, today: today)
        case .notifyLineManager(let reason): return try notifyLineManager(state, reason: reason, today: today)
        case .recordLetter(let clock, let sentOn, let to, let summary):
            return try recordLetter(state, clock: clock, sentOn: sentOn, to: to, summary: summary, today: today)
        }
    }

    /// Nothing happens after closure; once resolved, referred or withdrawn, only closing does.
    private func checkStatus(_ command: DisputeCommand, _ state: DisputeState) throws(DisputeError) {
        switch (state.status, command) {
        case (.closed, _): throw .closed
        case (.open, _), (_, .close), (_, .recordReview): return
        default: throw .notOpen(state.status)
        }
    }

    private func checkRaise(_ command: RaiseDispute) throws(DisputeError) {
        let agencies = Set([command.raisedBy.agency.id] + command.otherAgencies.map(\.id))
        guard agencies.count >= 2 else { throw .singleAgency }
        _ = try required(command.disagreement, "what the disagreement is")
        _ = try required(command.outcomeWanted, "the outcome wanted")
        switch policy.scope {
        case .practice:
            guard !command.children.isEmpty else {
                throw policy.subjects == [.children] ? .childRequired : .subjectRequired(policy.subjectNoun)
            }
            for child in command.children {
                guard policy.subjects.contains(child.kind) else {
                    throw .subjectNotCovered(child.kind.noun, covered: policy.subjectNoun)
                }
                _ = try required(child.name, "each \(child.kind.noun)'s name")
                if child.kind != .children, !child.flags.isEmpty { throw .flagsOnlyForChildren }
            }
        case .strategic:
            guard let issue = command.issue, !issue.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .issueRequired
            }
        }
    }

    /// The stage's deadlines, fixed when it starts, measured as its policy says.
    func entry(
        stage index: Int, on day: LocalDate, raisedOn: LocalDate, receipt: LocalDate?, route: String? = nil,
        decidedOn: LocalDate? = nil, stageStarts: [String: LocalDate] = [:]
    ) throws(DisputeError)
        -> DisputeEvent.StageEntered
    {
        let stage = policy.stages[index]
        if let route, !stage.routes.contains(where: { $0.id == route }) {
            throw .unknownStageRoute(route, stage: stage.id, routes: stage.routes.map(\.name))
        }
        let isReceipt = policy.acknowledgement?.stage == stage.id
        let receipt = isReceipt ? day : receipt
        func dueDate(_ timescale: Timescale) throws(DisputeError) -> LocalDate? {
            let anchor =
                timescale.ofStage.map { stageStarts[$0] ?? day }
                ?? Timescale.date(
                    of: timescale.from, stageStart: day, raised: raisedOn, receipt: receipt, decision: decidedOn)
            guard let anchor else { return nil }
            return try due(timescale, from: anchor)
        }
        var entry = DisputeEvent.StageEntered(stage: stage.id, startedOn: day)
        entry.route = route
        if let timescale = policy.effectiveTimescale(of: stage, route: route) {
            entry.due = try dueDate(timescale)
            entry.metBy = timescale.metBy
        } else {
            entry.ahead = try deadlineAhead(after: index, received: receipt != nil, dueDate: dueDate)
        }
        if isReceipt, let acknowledgement = policy.acknowledgement {
            entry.acknowledgementDue = try dueDate(acknowledgement.timescale)
            if let overall = policy.overall, overall.from == .receivedInWriting {
                entry.overallDue = try dueDate(overall)
            }
        }
        return entry
    }

    /// The next stage's deadline when it is already fixed because it counts from the raising or
    /// from receipt, which have happened: it runs while this stage has no timescale of its own.
    private func deadlineAhead(
        after index: Int, received: Bool, dueDate: (Timescale) throws(DisputeError) -> LocalDate?
    ) throws(DisputeError) -> AheadDeadline? {
        guard index + 1 < policy.stages.count else { return nil }
        let next = policy.stages[index + 1]
        guard let timescale = next.timescale, timescale.kind == .completeWithin,
            timescale.from == .disputeRaised || timescale.from == .decision
                || (timescale.from == .receivedInWriting && received),
            let due = try dueDate(timescale)
        else { return nil }
        return AheadDeadline(stage: next.id, due: due)
    }

    func due(_ timescale: Timescale, from anchor: LocalDate) throws(DisputeError) -> LocalDate {
        do { return try timescale.due(from: anchor, in: calendar) } catch { throw .outsideCalendar(error.description) }
    }

    func required(_ text: String, _ field: String) throws(DisputeError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missingField(field) }
        return trimmed
    }
}
