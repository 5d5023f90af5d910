import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Disputes under five partnerships' policies, taken through escalations, risk, resolutions,
/// withdrawals, closures, plans and participants, on fixed December 2026 dates.
struct MixedDisputes {
    var fixtures: [String: Fixture] = [:]
    var disputes: [String: DisputeStore.Loaded] = [:]

    static func seed(_ database: ConcordDatabase) async throws -> MixedDisputes {
        var mix = MixedDisputes()
        for policy in ["oldham", "sunderland", "coventry", "five-stage-flowchart", "north-east-lincolnshire"] {
            mix.fixtures[policy] = try await Fixture.make(database, policy: policy)
        }
        try await mix.oldham()
        try await mix.sunderland()
        try await mix.coventry()
        try await mix.flowchart()
        let strategic = mix.fixtures["north-east-lincolnshire"]!
        var command = strategic.raiseCommand()
        command.issue = "Who funds the joint triage team"
        command.children = []
        mix.disputes["strategic"] = try await strategic.store.raise(
            command, partnership: strategic.partnership, at: .london("2026-12-02"))
        return mix
    }

    var eventCount: Int { disputes.values.map(\.state.version).reduce(0, +) }

    private mutating func oldham() async throws {
        let fx = fixtures["oldham"]!
        var closed = try await fx.raise(on: "2026-12-01")
        closed = try await fx.perform(fx.discussionCommand, on: closed, day: "2026-12-01")
        closed = try await fx.recordOutcome(closed, day: "2026-12-02")
        disputes["oldham-closed"] = try await fx.resolve(closed, close: true, day: "2026-12-03")

        var escalated = try await fx.raise(on: "2026-12-01", lookedAfter: true)
        escalated = try await fx.perform(
            .addParticipant(fx.iro, capacity: .independentReviewingOfficer), on: escalated, day: "2026-12-01")
        escalated = try await fx.readyToEscalate(escalated, day: "2026-12-02")
        disputes["oldham-escalated"] = try await fx.escalate(escalated, day: "2026-12-02")

        let risk = try await fx.raise(on: "2026-12-07", significantHarm: true)
        disputes["oldham-risk"] = try await fx.perform(
            .escalateForRisk(reason: "Injury seen at school", people: [fx.businessOffice]), on: risk, day: "2026-12-08")

        let withdrawn = try await fx.raise(on: "2026-12-10")
        disputes["oldham-withdrawn"] = try await fx.perform(
            .withdraw(reason: "Agreed locally"), on: withdrawn, day: "2026-12-11")
    }

    private mutating func sunderland() async throws {
        let fx = fixtures["sunderland"]!
        let records = DisputeCommand.recordStageRecords(
            StageRecords(
                actionsTaken: "Called twice", outcome: "Still apart", learningIdentified: false,
                concernReview: "Justified"))
        let lead = DisputeCommand.addParticipant(fx.otherPractitioner, capacity: .designatedSafeguardingLead)
        var harm = try await fx.raise(on: "2026-12-01", significantHarm: true)
        harm = try await fx.perform(lead, on: harm, day: "2026-12-01")
        harm = try await fx.perform(records, on: harm, day: "2026-12-02")
        disputes["sunderland-escalated"] = try await fx.escalate(harm, day: "2026-12-03")

        var resolved = try await fx.raise(on: "2026-12-02", category: .informationSharing)
        resolved = try await fx.perform(lead, on: resolved, day: "2026-12-02")
        resolved = try await fx.perform(records, on: resolved, day: "2026-12-03")
        disputes["sunderland-resolved"] = try await fx.resolve(resolved, close: false, day: "2026-12-04")

        disputes["sunderland-open"] = try await fx.raise(on: "2026-12-08")

        // The lead joins at step 1 and is consulted again at each later step.
        func consultLead(on day: String) -> DisputeCommand {
            .recordDiscussion(
                heldOn: LocalDate(iso: day)!, method: .faceToFace, participants: [fx.otherPractitioner],
                summary: "Consulted the designated safeguarding lead")
        }
        var referred = try await fx.perform(
            lead, on: try await fx.raise(on: "2026-12-01", category: .plan), day: "2026-12-01")
        for (step, day) in ["2026-12-02", "2026-12-07", "2026-12-09"].enumerated() {
            if step > 0 { referred = try await fx.perform(consultLead(on: day), on: referred, day: day) }
            referred = try await fx.escalate(try await fx.perform(records, on: referred, day: day), day: day)
        }
        referred = try await fx.perform(consultLead(on: "2026-12-10"), on: referred, day: "2026-12-10")
        referred = try await fx.perform(
            .recordStageRecords(
                StageRecords(outcome: "No agreement at the partnership", interventionDecision: "Refer to Ofsted")),
            on: referred,
            day: "2026-12-10")
        disputes["sunderland-referred"] = try await fx.perform(
            .referExternally(route: "ofsted", reason: "The partners could not agree"), on: referred, day: "2026-12-10")
    }

    private mutating func coventry() async throws {
        let fx = fixtures["coventry"]!
        let records = DisputeCommand.recordStageRecords(StageRecords(actionsTaken: "Met", outcome: "Not agreed"))
        var dispute = try await fx.raise(on: "2026-12-01")
        for (index, day) in ["2026-12-02", "2026-12-04", "2026-12-08"].enumerated() {
            dispute = try await fx.perform(records, on: dispute, day: day)
            if index == 1 {
                dispute = try await fx.perform(
                    .addParticipant(fx.otherPractitioner, capacity: .earlyHelpProfessional), on: dispute, day: day)
            }
            dispute = try await fx.escalate(dispute, day: day)
        }
        dispute = try await fx.perform(records, on: dispute, day: "2026-12-09")
        dispute = try await fx.resolve(dispute, close: false, day: "2026-12-10")
        disputes["coventry-closed"] = try await fx.perform(
            .close(reviewHeld: true, note: "Review in January"), on: dispute, day: "2026-12-11")
    }

    private mutating func flowchart() async throws {
        let fx = fixtures["five-stage-flowchart"]!
        var planned = try await fx.raise(on: "2026-12-01")
        let actions = [
            PlannedAction(
                id: "a1", action: "Share the assessment", owner: fx.manager, due: LocalDate(iso: "2026-12-03")!),
            PlannedAction(id: "a2", action: "Joint visit", owner: fx.otherManager, due: LocalDate(iso: "2026-12-04")!),
        ]
        planned = try await fx.perform(.agreePlan(actions), on: planned, day: "2026-12-01")
        planned = try await fx.perform(
            .acknowledge(note: "Received"), on: planned, by: fx.otherManager, day: "2026-12-02")
        planned = try await fx.perform(.completeAction(id: "a1", note: nil), on: planned, day: "2026-12-02")
        disputes["flowchart-escalated"] = try await fx.perform(
            .escalate(reason: "Visit refused", evidence: "Three calls and a meeting", people: [fx.manager]),
            on: planned, day: "2026-12-03")
        disputes["flowchart-open"] = try await fx.raise(on: "2026-12-03")
    }
}
