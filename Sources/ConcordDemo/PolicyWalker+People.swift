import ConcordCore
import Foundation

extension PolicyWalker {
    /// Steps a few minutes apart, so a dispute's events keep their order.
    static let interval: TimeInterval = 11 * 60

    /// Moves to a later day, starting its steps in the morning.
    mutating func on(_ next: LocalDate) {
        day = next
        let opening = LondonTime.startOfDay(next).addingTimeInterval(TimeInterval(9 * 60 + startMinute) * 60)
        clock = max(clock, opening - Self.interval)
    }

    mutating func append(_ action: Action, by actor: PersonRef) {
        clock += Self.interval
        steps.append(Step(time: clock, actor: actor, action: action))
    }

    mutating func perform(_ command: DisputeCommand, by actor: PersonRef) {
        append(.command(command), by: actor)
    }

    /// Everyone the stage's participants stand for, apart from those who take part in a
    /// particular capacity.
    func people(at index: Int) -> [PersonRef] {
        policy.stages[index].participants.filter { $0.capacity == nil }.flatMap(cast.people).uniqued(by: \.id)
    }

    /// The capacities the stage names and those the policy's rules require before leaving
    /// it, given this dispute's children and category, with who holds each.
    func specialists(at index: Int) -> [(Capacity, PersonRef)] {
        let stage = policy.stages[index]
        let flags = Set(raise.children.flatMap(\.flags))
        var needed = stage.participants.compactMap(\.capacity)
        for rule in policy.rules {
            switch rule.kind {
            case .requiredParticipant(let capacity, let condition, let stages) where stages.contains(stage.id):
                if condition?.holds(flags: flags, category: raise.category) ?? true { needed.append(capacity) }
            case .meetingParticipant(let capacity, let condition, let at) where at == stage.id:
                if condition?.holds(flags: flags, category: raise.category) ?? true { needed.append(capacity) }
            default: continue
            }
        }
        return needed.uniqued { $0 }.compactMap { capacity in cast.holder(of: capacity).map { (capacity, $0) } }
    }

    /// Who takes part in the stage's discussions: a specialist who joined earlier is consulted
    /// again, as Sunderland's "designated lead for safeguarding at each stage" requires.
    func consulted(at index: Int) -> [PersonRef] {
        (people(at: index) + specialists(at: index).map(\.1)).uniqued(by: \.id)
    }

    /// Who acts for the dispute at a stage: the raising agency's person at the stage's level,
    /// or the partnership's person when the stage is the partnership's alone.
    func lead(at index: Int) -> PersonRef {
        let participants = policy.stages[index].participants
        if participants.allSatisfy({ $0.side == .partnership }),
            let first = participants.first.flatMap({ cast.partnership.people[$0.level] })
        {
            return first
        }
        return cast.raising.people[policy.agencyLevel(at: index)] ?? raise.raisedBy
    }

    /// The business office acknowledges receipt where it takes part in the stage; otherwise the
    /// agency the dispute was raised with does.
    func acknowledger(at index: Int) -> PersonRef {
        if policy.stages[index].participants.contains(where: { $0.level == .partnershipBusinessOffice }),
            let office = cast.partnership.people[.partnershipBusinessOffice]
        {
            return office
        }
        return cast.receiving.people[policy.agencyLevel(at: index)] ?? lead(at: index)
    }
}
