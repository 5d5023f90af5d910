import ConcordCore
import Foundation

/// Plans the commands that take one dispute legally through its policy: at each stage the
/// people, discussion, plan and records the policy asks for before the stage can be left, so
/// any policy can be walked to any stage without scripting it by hand. The engine still
/// decides every command when the plan is performed.
struct PolicyWalker {
    enum Action: Sendable {
        case raise(RaiseDispute)
        case command(DisputeCommand)
    }

    struct Step: Sendable {
        var time: Date
        var actor: PersonRef
        var action: Action
    }

    enum Ending: Sendable {
        case resolved
        case referred(route: String)
        case withdrawn
    }

    struct Finish: Sendable {
        var ending: Ending
        var on: LocalDate
        var closedOn: LocalDate?
    }

    /// The stages a dispute visits, the day it enters each, and how it ends (nil: still open).
    struct Route: Sendable {
        var stages: [Int]
        var days: [LocalDate]
        /// The last stage is reached by the policy's risk rule, straight from the first.
        var risk: Bool
        var acknowledged: Bool
        var finish: Finish?
    }

    let policy: Policy
    let cast: Cast
    let calendar: WorkingCalendar
    let raise: RaiseDispute
    /// Minutes after nine that this dispute's working day starts, so disputes interleave.
    let startMinute: Int
    /// The learning the dispute identifies, and whether at every stage that asks rather than
    /// every other one, so that both answers appear.
    var learning = DemoTexts.learning
    var learningAtEveryStage = false
    // Advanced by the helpers in PolicyWalker+People.swift.
    var steps: [Step] = []
    var day = LocalDate(dayNumber: 0)
    var clock = Date.distantPast
    /// Who takes part so far, and who in which capacity, so nobody is added twice.
    private var joined: Set<String> = []
    private var capacities: Set<String> = []
    /// Actions of the current stage's plan, completed before the stage is left.
    private var openActions: [String] = []

    init(policy: Policy, cast: Cast, calendar: WorkingCalendar, raise: RaiseDispute, startMinute: Int) {
        self.policy = policy
        self.cast = cast
        self.calendar = calendar
        self.raise = raise
        self.startMinute = startMinute
    }

    mutating func walk(_ route: Route) throws -> [Step] {
        on(route.days[0])
        append(.raise(raise), by: raise.raisedBy)
        joined = Set(([raise.raisedBy] + raise.professionals).map(\.id))
        for (position, index) in route.stages.enumerated() {
            if position > 0 {
                let previous = route.stages[position - 1]
                let people = people(at: index)
                on(route.days[position])
                if route.risk && position == route.stages.count - 1 {
                    perform(.escalateForRisk(reason: DemoTexts.riskReason, people: people), by: lead(at: previous))
                } else {
                    leave(previous, supplied: [.effortsExhausted])
                    perform(
                        .escalate(
                            reason: DemoTexts.escalationReason(policy.stages[previous]),
                            evidence: DemoTexts.evidence, people: people), by: lead(at: previous))
                }
                joined.formUnion(people.map(\.id))
            }
            let current = position == route.stages.count - 1 && route.finish == nil
            try work(index, acknowledged: route.acknowledged, current: current)
        }
        if let finish = route.finish { end(route.stages[route.stages.count - 1], finish, visited: route.stages) }
        return steps
    }

    /// Brings in the stage's people and specialists, discusses it by the policy's preferred
    /// method, acknowledges receipt where this is the stage for it, and agrees a plan where the
    /// stage must have one.
    /// A dispute still at a stage whose clock waits for first contact is left waiting, so the
    /// demo shows that clock running (and, for older disputes, overdue).
    private mutating func work(_ index: Int, acknowledged: Bool, current: Bool) throws {
        let stage = policy.stages[index]
        let lead = lead(at: index)
        // Specialists first, so a manager who is also the designated lead joins once, as the lead.
        for (capacity, holder) in specialists(at: index)
        where capacities.insert("\(holder.id)|\(capacity.rawValue)").inserted {
            perform(.addParticipant(holder, capacity: capacity), by: lead)
            joined.insert(holder.id)
        }
        for person in people(at: index) where joined.insert(person.id).inserted {
            perform(.addParticipant(person, capacity: nil), by: lead)
        }
        let method = stage.contact?.methods.first ?? .telephone
        let waiting = current && policy.effectiveTimescale(of: stage)?.metBy == .firstContact
        if !waiting {
            perform(
                .recordDiscussion(
                    heldOn: day, method: method, participants: consulted(at: index),
                    summary: DemoTexts.discussion(stage, method: method)), by: lead)
        }
        if acknowledged, policy.acknowledgement?.stage == stage.id {
            perform(.acknowledge(note: DemoTexts.acknowledgement), by: acknowledger(at: index))
        }
        if stage.records.contains(.agreedPlan) {
            let id = "\(stage.id)-plan"
            let owner = cast.receiving.people[policy.agencyLevel(at: index)] ?? lead
            let due = try calendar.adding(workingDays: 2, to: day)
            perform(.agreePlan([PlannedAction(id: id, action: DemoTexts.action, owner: owner, due: due)]), by: lead)
            openActions.append(id)
        }
    }

    /// Everything the stage needs before it can be left, except what the leaving command
    /// itself supplies.
    private mutating func leave(_ index: Int, supplied: Set<RecordKind>) {
        let stage = policy.stages[index]
        let lead = lead(at: index)
        if let meeting = stage.meeting, meeting.required {
            let agencies = [raise.raisedBy.agency] + raise.otherAgencies
            perform(
                .recordMinutes(
                    DemoTexts.minutes(
                        meeting, on: day, attendees: consulted(at: index), agencies: agencies, owner: lead,
                        learning: learning)),
                by: lead)
        }
        for id in openActions { perform(.completeAction(id: id, note: DemoTexts.actionDone), by: lead) }
        openActions = []
        let records = DemoTexts.records(
            Set(stage.records).subtracting(supplied),
            learning: learningAtEveryStage || index % 2 == 1 ? learning : nil, on: day)
        if records != StageRecords() { perform(.recordStageRecords(records), by: lead) }
    }

    private mutating func end(_ index: Int, _ finish: Finish, visited: [Int]) {
        let stage = policy.stages[index]
        on(finish.on)
        switch finish.ending {
        case .resolved:
            leave(index, supplied: [.outcome, .effortsExhausted])
            let level = policy.agencyLevel(at: index)
            let agreed = [cast.raising, cast.receiving].compactMap { $0.people[level] }
            perform(
                .resolve(outcome: DemoTexts.resolution(stage), agreedBy: agreed, followUp: nil), by: lead(at: index))
        case .referred(let route):
            leave(index, supplied: [.effortsExhausted])
            let acting = policy.externalRoutes.first { $0.id == route }?.actingPartner == true
            perform(
                .referExternally(
                    route: route, reason: DemoTexts.referral, actingPartner: acting ? "Local Authority" : nil),
                by: lead(at: index))
        case .withdrawn:
            perform(.withdraw(reason: DemoTexts.withdrawal), by: raise.raisedBy)
        }
        guard let closedOn = finish.closedOn else { return }
        on(closedOn)
        let ids = Set(visited.map { policy.stages[$0].id })
        let review = policy.rules.contains { rule in
            if case .reviewConsideration(let stage, _) = rule.kind { return ids.contains(stage) }
            return false
        }
        perform(.close(reviewHeld: review ? true : nil, note: DemoTexts.closure), by: lead(at: index))
    }
}
