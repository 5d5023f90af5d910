import ConcordCore
import ConcordStore
import Foundation

/// One volume dispute: between which agencies, about what, how far it got and how it ended.
/// A fifth are still open, raised in the last few months, so some are overdue and some on
/// time; the rest ended at some point in the years before.
struct VolumePlan {
    var number: Int
    var raising: Int
    var receiving: Int
    /// Which of each agency's practitioners raises it, and which is named in the other agency.
    var raiser: Int
    var professional: Int
    var category: DisputeCategory
    /// The index of the stage it is at, or ended at.
    var stage: Int
    /// Working days between entering one stage and the next.
    var gap: Int
    /// Working days before today the dispute was raised.
    var raisedAgo: Int
    var ending: PolicyWalker.Ending?
    var closed: Bool
    var acknowledged: Bool
    var child: String

    init(_ random: inout SplitMix64, number: Int, policy: Policy, agencies: Int, practitioners: Int, years: Int) {
        self.number = number
        raising = Int.random(in: 0..<agencies, using: &random)
        receiving = (raising + Int.random(in: 1..<agencies, using: &random)) % agencies
        category = DisputeCategory.allCases.randomElement(using: &random)!
        let depth = Double.random(in: 0..<1, using: &random)
        stage = min(policy.stages.count - 1, depth < 0.55 ? 0 : depth < 0.8 ? 1 : depth < 0.93 ? 2 : 3)
        gap = Int.random(in: 1...5, using: &random)
        let open = Double.random(in: 0..<1, using: &random) < 0.2
        if open {
            raisedAgo = gap * stage + Int.random(in: 1...30, using: &random)
            ending = nil
            closed = false
        } else {
            raisedAgo = Int.random(in: 60...max(61, years * 253), using: &random)
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.1 {
                ending = .withdrawn
            } else if roll < 0.16, let route = policy.externalRoutes.first {
                ending = .referred(route: route.id)
            } else {
                ending = .resolved
            }
            closed = Double.random(in: 0..<1, using: &random) < 0.85
        }
        acknowledged = Double.random(in: 0..<1, using: &random) < 0.9
        child = VolumeNames.child(&random)
        raiser = Int.random(in: 0..<practitioners, using: &random)
        professional = Int.random(in: 0..<practitioners, using: &random)
    }

    func walk(_ people: VolumeCast, calendar: WorkingCalendar, today: LocalDate) throws -> [DisputeStore.ImportStep] {
        let policy = people.policy
        let cast = people.cast(raising: raising, receiving: receiving, raiser: raiser, professional: professional)
        let raisedOn = try calendar.adding(workingDays: -raisedAgo, to: today)
        let stages = Array(0...stage)
        let days = try stages.map { try calendar.adding(workingDays: gap * $0, to: raisedOn) }
        let finish = try ending.map { ending in
            let on = try calendar.adding(workingDays: 1, to: days[stage])
            return PolicyWalker.Finish(
                ending: ending, on: on, closedOn: closed ? try calendar.adding(workingDays: 1, to: on) : nil)
        }
        var walker = PolicyWalker(
            policy: policy, cast: cast, calendar: calendar, raise: raise(cast, policy: policy, on: raisedOn),
            startMinute: number % 9 * 17)
        let route = PolicyWalker.Route(
            stages: stages, days: days, risk: false, acknowledged: acknowledged, finish: finish)
        return try walker.walk(route).map { step in
            switch step.action {
            case .raise(let command):
                DisputeStore.ImportStep(time: step.time, actor: step.actor, action: .raise(command))
            case .command(let command):
                DisputeStore.ImportStep(time: step.time, actor: step.actor, action: .command(command))
            }
        }
    }

    private func raise(_ cast: Cast, policy: Policy, on day: LocalDate) -> RaiseDispute {
        let level = policy.raiserLevel
        var children: [ChildRecord] = []
        var issue: String?
        let text: (disagreement: String, outcome: String)
        switch policy.scope {
        case .practice:
            text = DemoTexts.practice(category, variant: number)
            let born = day.adding(months: -(3 + number * 37 % 190))
            let references = [cast.raising, cast.receiving].map { agency in
                CaseReference(agencyID: agency.ref.id, reference: "\(agency.type.casePrefix)-\(200_000 + number)")
            }
            children = [ChildRecord(name: child, dateOfBirth: born, caseReferences: references)]
        case .strategic:
            let strategic = DemoTexts.strategic(variant: number)
            issue = strategic.issue
            text = (strategic.disagreement, strategic.outcome)
        }
        return RaiseDispute(
            raisedBy: cast.raising.people[level]!, otherAgencies: [cast.receiving.ref],
            professionals: [cast.receiving.people[level]!], children: children, issue: issue, category: category,
            disagreement: text.disagreement, outcomeWanted: text.outcome, significantHarm: false)
    }
}

/// Fictional children's names, plainly made up, varied enough that a search finds a few.
enum VolumeNames {
    private static let first = [
        "Aisha", "Bailey", "Callum", "Daisy", "Elijah", "Freya", "Gabriel", "Hana", "Idris", "Jade", "Kai", "Lola",
        "Mason", "Niamh", "Oscar", "Poppy", "Reuben", "Sofia", "Tyler", "Uma", "Vinnie", "Willow", "Xander", "Zara",
    ]
    private static let last = [
        "Example", "Sample", "Specimen", "Placeholder", "Testcase", "Fixture", "Mockley", "Dummett", "Fictive",
        "Madeup", "Notreal", "Pretend", "Imaginary", "Invented", "Standin", "Proxyton",
    ]

    /// The `index`th practitioner of an agency: different within it for the first 384.
    static func practitioner(_ index: Int, agency: Int) -> String {
        "\(first[index % first.count]) \(last[(index / first.count + agency) % last.count])"
    }

    static func child(_ random: inout SplitMix64) -> String {
        let initial = "ABCDEFGHJKLMNPRSTW".randomElement(using: &random)!
        return "\(first.randomElement(using: &random)!) \(initial). \(last.randomElement(using: &random)!)"
    }
}
