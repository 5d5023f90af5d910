import ConcordCore
import ConcordDemo
import ConcordStore
import Foundation
import Testing

/// One seeded database serves every check of the disputes; each check is its own function.
@Suite struct DemoDisputeTests {
    static let today = LondonTime.date(of: demoNow)

    @Test func fiftyDisputesWalkedLegallyThroughEveryPolicy() async throws {
        try await withSeededDatabase { database, _ in
            try await Self.fiftyDisputesReachEveryStageAndStatus(database)
            try await Self.someDeadlinesArePastAndSomeDueWithinAWorkingDay(database)
            try await Self.disputesShowThePoliciesRules(database)
            let report = try await ChainAudit.run(database)
            #expect(report.isIntact, "\(report.findings)")
            #expect(report.count > 500)
        }
    }

    @Test func theSameClockSeedsTheSameDemo() async throws {
        var runs: [[String]] = []
        for _ in 0..<2 {
            try await withSeededDatabase { database, signIns in
                let rows = try await DisputeQueries.list(database).map { row in
                    [
                        row.reference, row.status, row.currentStage, row.stageDue ?? "-", "\(row.version)",
                        row.lastEventAt,
                    ]
                    .joined(separator: " ")
                }
                runs.append(rows + signIns.map { "\($0.email) \($0.name)" })
            }
        }
        #expect(runs[0] == runs[1])
    }

    static func fiftyDisputesReachEveryStageAndStatus(_ database: ConcordDatabase) async throws {
        let disputes = try await DisputeQueries.list(database)
        #expect(disputes.count == 50 + 5 * 12, "fifty current, and a year of twelve ended ones in each partnership")
        #expect(Set(disputes.map(\.reference)).count == disputes.count)
        for partnership in try await Directory(database).partnerships() {
            let policy = try #require(PolicyLibrary.builtIn(partnership.slug))
            let own = disputes.filter { $0.partnershipID == partnership.id }
            #expect(own.allSatisfy { $0.policyID == policy.id })
            let reached = Set(own.map(\.currentStage))
            for stage in policy.stages {
                #expect(reached.contains(stage.id), "no \(policy.id) dispute is at \(stage.id)")
            }
        }
        let statuses: [DisputeStatus] = [.open, .resolved, .referred, .withdrawn, .closed]
        #expect(Set(disputes.map(\.status)) == Set(statuses.map(\.rawValue)))
        // Every step happened before the day of seeding.
        #expect(disputes.allSatisfy { $0.raisedOn < today.iso && $0.lastEventAt < today.iso })
    }

    static func someDeadlinesArePastAndSomeDueWithinAWorkingDay(_ database: ConcordDatabase) async throws {
        #expect(try await DisputeQueries.overdue(database, on: today).count >= 5)
        let calendar = WorkingCalendar(region: .englandAndWales)
        let statuses = try await DisputeQueries.list(database, status: .open).map { dispute in
            try DeadlineStatus(due: dispute.stageDue.flatMap(LocalDate.init), on: today, calendar: calendar)
        }
        #expect(statuses.contains(.dueSoon) && statuses.contains(.onTrack) && statuses.contains(.noTimescale))
        let unacknowledged = try await DisputeQueries.pastAnyDeadline(database, on: today).filter { dispute in
            dispute.acknowledgedOn == nil && dispute.acknowledgementDue.map { $0 < today.iso } == true
        }
        #expect(Set(unacknowledged.map(\.policyID)) == ["five-stage-flowchart", "north-east-lincolnshire"])
    }

    /// Significant harm, the risk rule, looked-after children, a review and every capacity a
    /// policy can require all appear somewhere.
    static func disputesShowThePoliciesRules(_ database: ConcordDatabase) async throws {
        let store = DisputeStore(database)
        var states: [DisputeState] = []
        for summary in try await DisputeQueries.list(database) { states.append(try await store.load(summary.id).state) }
        #expect(states.contains { $0.raised.significantHarm && !$0.significantHarm.isEmpty })
        let risky = try #require(states.first { $0.escalations.contains(where: \.becauseOfRisk) })
        #expect(risky.raised.policyID == "oldham" && risky.currentStage.stage == "partnership")
        #expect(states.contains { $0.childFlags.contains(.lookedAfter) })
        let strategic = states.filter { $0.raised.scope == .strategic }
        #expect(
            strategic.count == 10 + 12 && strategic.allSatisfy { $0.raised.issue != nil && $0.raised.children.isEmpty })
        let named = Set(PolicyLibrary.builtIns.flatMap(\.stages).flatMap(\.participants).compactMap(\.capacity))
            .union(
                PolicyLibrary.builtIns.flatMap(\.rules).compactMap { rule -> Capacity? in
                    switch rule.kind {
                    case .requiredParticipant(let capacity, _, _), .meetingParticipant(let capacity, _, _): capacity
                    default: nil
                    }
                })
        #expect(Set(states.flatMap(\.participants).compactMap(\.capacity)) == named)
        #expect(states.contains { $0.closure?.reviewHeld == true })
        #expect(states.contains { $0.referral != nil } && states.contains { $0.acknowledged != nil })
        #expect(states.flatMap(\.raised.children).allSatisfy { $0.name.hasPrefix("Child ") })
    }
}
