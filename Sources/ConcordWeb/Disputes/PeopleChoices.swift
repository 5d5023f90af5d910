import ConcordCore
import ConcordStore
import Foundation

/// The people a dispute's forms offer, each shown with their agency and role: those taking
/// part; staff of the disputing agencies and the partnership's own people, who may join; and
/// anyone else in the partnership's directory who may hold a capacity the policy names, who may
/// join only in it. Those holding a capacity the current stage needs come first.
struct PeopleChoices {
    var participants: [PersonRef]
    var candidates: [PersonRef]
    var specialists: [PersonRef] = []
    /// What the directory records each person as holding, by person id.
    var held: [String: Set<Capacity>] = [:]
    /// The capacities the policy names, for its rules or at its stages.
    var named: [Capacity] = []
    /// Those the current stage needs.
    var needed: Set<Capacity> = []

    static func load(_ dispute: VisibleDispute, directory: Directory) async throws -> PeopleChoices {
        let state = dispute.loaded.state
        let policy = dispute.loaded.policy
        var seen: Set<String> = []
        let participants = state.participants.map(\.person).filter { seen.insert($0.id).inserted }
        let agencyIDs = Set(state.agencies.map(\.id))
        let partnership = state.raised.partnershipID
        let partnershipAgencies = Set(
            try await directory.agencies().filter { $0.partnerships.contains { $0.uuidString == partnership } }
                .map(\.id.uuidString))
        let named = namedCapacities(policy)
        let needed = neededCapacities(state, policy: policy)
        let people = try await directory.people().filter {
            agencyIDs.contains($0.agency.id) || partnershipAgencies.contains($0.agency.id)
        }
        let ordered =
            people.filter { !$0.capacities.isDisjoint(with: needed) }
            + people.filter { $0.capacities.isDisjoint(with: needed) }
        func disputing(_ person: Directory.Person) -> Bool {
            agencyIDs.contains(person.agency.id) || person.level >= .partnershipBusinessOffice
        }
        // A capacity the directory does not record (a designated or named professional) anyone
        // may hold; the others only those recorded as holding them.
        func mayHoldNamed(_ person: Directory.Person) -> Bool {
            named.contains { !Directory.recordedCapacities.contains($0) || person.capacities.contains($0) }
        }
        return PeopleChoices(
            participants: participants, candidates: ordered.filter(disputing).map(\.ref),
            specialists: ordered.filter { !disputing($0) && mayHoldNamed($0) }.map(\.ref),
            held: Dictionary(people.map { ($0.id.uuidString, $0.capacities) }, uniquingKeysWith: { first, _ in first }),
            named: named, needed: needed)
    }

    /// Everyone who may be added, those holding a capacity the stage needs first.
    var joinable: [PersonRef] {
        let all = candidates + specialists
        let holds = { (person: PersonRef) in !(held[person.id] ?? []).isDisjoint(with: needed) }
        return all.filter(holds) + all.filter { !holds($0) }
    }

    static func namedCapacities(_ policy: Policy) -> [Capacity] {
        var named: [Capacity] = []
        for rule in policy.rules {
            switch rule.kind {
            case .requiredParticipant(let capacity, _, _), .meetingParticipant(let capacity, _, _):
                named.append(capacity)
            default: continue
            }
        }
        named += policy.stages.flatMap(\.participants).compactMap(\.capacity)
        return Capacity.allCases.filter(named.contains)
    }

    /// What the current stage's rules require whose conditions hold, and its named participants.
    static func neededCapacities(_ state: DisputeState, policy: Policy) -> Set<Capacity> {
        let stage = state.currentStage.stage
        var needed = Set(policy.stage(stage)?.participants.compactMap(\.capacity) ?? [])
        for rule in policy.rules {
            let (capacity, condition, stages): (Capacity, Condition?, [String])
            switch rule.kind {
            case .requiredParticipant(let held, let when, let at): (capacity, condition, stages) = (held, when, at)
            case .meetingParticipant(let held, let when, let at): (capacity, condition, stages) = (held, when, [at])
            default: continue
            }
            guard stages.contains(stage) else { continue }
            if condition?.holds(flags: state.childFlags, category: state.raised.category) ?? true {
                needed.insert(capacity)
            }
        }
        return needed
    }

    /// Someone taking part, or who may take part in the dispute's steps without a capacity.
    func person(_ id: String) -> PersonRef? {
        participants.first { $0.id == id } ?? candidates.first { $0.id == id }
    }

    /// Someone who may be added to the dispute, in some capacity at least.
    func joining(_ id: String) -> PersonRef? {
        person(id) ?? specialists.first { $0.id == id }
    }

    /// Why `id` cannot join in `capacity`, or nil: the directory must record who holds a
    /// capacity it records, and someone from outside the disputing agencies joins only in a
    /// capacity the policy names.
    func refusal(adding person: PersonRef, as capacity: Capacity?) -> String? {
        if let capacity {
            if !named.contains(capacity) {
                return
                    "This protocol does not name a \(Formatting.capacity(capacity).lowercased()): choose a capacity it names, or none"
            }
            if Directory.recordedCapacities.contains(capacity), !(held[person.id] ?? []).contains(capacity) {
                return
                    "\(person.name) is not recorded in the directory as \(Formatting.capacity(capacity).lowercased()). An administrator can record it on their page"
            }
            return nil
        }
        guard self.person(person.id) == nil else { return nil }
        return
            "\(person.name) is not from an agency in this dispute, so can only join in a capacity the protocol names: choose it"
    }

    /// "Line manager, designated safeguarding lead".
    func role(_ person: PersonRef) -> String {
        let capacities = Capacity.allCases.filter { (held[person.id] ?? []).contains($0) }
        return ([person.level.displayName] + capacities.map { Formatting.capacity($0).lowercased() })
            .joined(separator: ", ")
    }

    func options(_ people: [PersonRef], selected: [String]) -> [FormField.Option] {
        people.map { person in
            FormField.Option.option(
                person.id, "\(person.name), \(person.agency.name)", hint: role(person),
                selected: selected.contains(person.id))
        }
    }
}
