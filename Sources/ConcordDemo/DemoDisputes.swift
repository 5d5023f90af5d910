import ConcordCore
import ConcordStore
import Foundation

/// Raises and walks the demo's disputes through the store, so the engine enforces each
/// policy on every step, as it would for real users.
enum DemoDisputes {
    static func seed(
        _ database: ConcordDatabase, partnerships: [DemoPartnership], holidays: HolidayTable, now: Date
    ) async throws {
        let today = LondonTime.date(of: now)
        var walks: [(partnership: UUID, steps: [PolicyWalker.Step])] = []
        for (number, scenario) in DemoScenarios.all.enumerated() {
            guard let partnership = partnerships.first(where: { $0.slug == scenario.partnership }) else {
                throw DemoDataError(description: "no demo partnership \(scenario.partnership)")
            }
            let policy = partnership.policy
            let calendar = WorkingCalendar(region: policy.region, holidays: holidays)
            let cast = partnership.cast(raising: scenario.raising, receiving: scenario.receiving)
            var walker = PolicyWalker(
                policy: policy, cast: cast, calendar: calendar,
                raise: raise(scenario, number: number, cast: cast, policy: policy, today: today),
                startMinute: number % 9 * 17)
            let route = try route(scenario, policy: policy, calendar: calendar, today: today)
            walks.append((partnership.id, try walker.walk(route)))
        }
        var number = DemoScenarios.all.count
        for partnership in partnerships {
            let policy = partnership.policy
            let calendar = WorkingCalendar(region: policy.region, holidays: holidays)
            for dispute in DemoHistory.disputes(stages: policy.stages.count) {
                let scenario = dispute.scenario
                let cast = partnership.cast(raising: scenario.raising, receiving: scenario.receiving)
                var walker = PolicyWalker(
                    policy: policy, cast: cast, calendar: calendar,
                    raise: raise(scenario, number: number, cast: cast, policy: policy, today: today),
                    startMinute: number % 9 * 17)
                walker.learning = dispute.learning.text
                walker.learningAtEveryStage = true
                walks.append(
                    (partnership.id, try walker.walk(try DemoHistory.route(dispute, calendar: calendar, today: today))))
                number += 1
            }
        }
        // All disputes' steps in time order, so the event log reads as the weeks happened.
        let order = walks.indices.flatMap { walk in walks[walk].steps.indices.map { (walk, $0) } }
            .sorted { (walks[$0.0].steps[$0.1].time, $0.0, $0.1) < (walks[$1.0].steps[$1.1].time, $1.0, $1.1) }
        let store = DisputeStore(database, holidays: holidays)
        var disputes: [Int: (id: UUID, version: Int)] = [:]
        for (walk, index) in order {
            let step = walks[walk].steps[index]
            let loaded: DisputeStore.Loaded
            switch step.action {
            case .raise(let command):
                loaded = try await store.raise(command, partnership: walks[walk].partnership, at: step.time)
            case .command(let command):
                // A walk's raise is its earliest step, so the dispute exists by now.
                let dispute = disputes[walk]!
                loaded = try await store.perform(
                    command, on: dispute.id, expectedVersion: dispute.version, by: step.actor, at: step.time)
            }
            disputes[walk] = (loaded.id, loaded.state.version)
        }
    }

    /// Working days each dispute spent at each stage before its current one.
    static let gap = 3

    /// Counts back from today in working days, so stage deadlines fall where the scenario says
    /// whatever day the demo is seeded; every step lands before today.
    static func route(
        _ scenario: Scenario, policy: Policy, calendar: WorkingCalendar, today: LocalDate
    ) throws
        -> PolicyWalker.Route
    {
        func ago(_ days: Int) throws -> LocalDate {
            try calendar.adding(workingDays: -max(days, 1), to: today)
        }
        var stages = Array(0...scenario.stage)
        if scenario.risk {
            guard policy.riskStage.flatMap(policy.stageIndex) == scenario.stage else {
                throw DemoDataError(description: "\(policy.id) has no risk rule leading to stage \(scenario.stage)")
            }
            stages = [0, scenario.stage]
        }
        let days = try stages.indices.map { position in
            try ago(scenario.enteredAgo + gap * (stages.count - 1 - position))
        }
        let finish = try scenario.ending.map { ending in
            PolicyWalker.Finish(
                ending: ending, on: try ago(scenario.enteredAgo - 1),
                closedOn: scenario.closed ? try ago(scenario.enteredAgo - 2) : nil)
        }
        return PolicyWalker.Route(
            stages: stages, days: days, risk: scenario.risk, acknowledged: scenario.acknowledged, finish: finish)
    }

    static func raise(
        _ scenario: Scenario, number: Int, cast: Cast, policy: Policy, today: LocalDate
    ) -> RaiseDispute {
        let level = policy.raiserLevel
        let raiser = cast.raising.people[level]!
        let professional = cast.receiving.people[level]!
        let agencies = [cast.raising, cast.receiving]
        var children: [ChildRecord] = []
        var issue: String?
        let text: (disagreement: String, outcome: String)
        switch policy.scope {
        case .practice:
            text = DemoTexts.practice(scenario.category, variant: number)
            let born = today.adding(months: -(20 + number * 37 % 170)).adding(days: -(number * 11 % 28))
            let references = agencies.map { agency in
                CaseReference(agencyID: agency.ref.id, reference: "\(agency.type.casePrefix)-\(10_000 + number * 73)")
            }
            children = [
                ChildRecord(
                    name: DemoTexts.child(number), dateOfBirth: born, caseReferences: references,
                    flags: scenario.flags)
            ]
        case .strategic:
            let strategic = DemoTexts.strategic(variant: number)
            issue = strategic.issue
            text = (strategic.disagreement, strategic.outcome)
        }
        return RaiseDispute(
            raisedBy: raiser, otherAgencies: [cast.receiving.ref], professionals: [professional], children: children,
            issue: issue, category: scenario.category, disagreement: text.disagreement, outcomeWanted: text.outcome,
            significantHarm: scenario.significantHarm)
    }
}
