import Foundation
import Testing

@testable import ConcordCore

/// A dispute is its events: replaying them rebuilds the same state, they survive JSON
/// unchanged, and a later version of the policy never alters what they say.
@Suite struct DisputeReplayTests {
    let monday = ukDate("2027-02-01")
    let managers = [Parties.councilManager, Parties.policeManager]

    /// Histories that between them hold every kind of event.
    func histories() throws -> [DisputeHarness] {
        var sunderland = try DisputeHarness("sunderland", Parties.raise(significantHarm: true), on: monday)
        try sunderland.run(
            .recordDiscussion(heldOn: monday, method: .faceToFace, participants: managers, summary: "Met"))
        try sunderland.run(
            .agreePlan([PlannedAction(id: "a1", action: "Send log", owner: Parties.officer, due: monday)]))
        try sunderland.run(.completeAction(id: "a1", note: "Sent"), on: ukDate("2027-02-02"))
        try sunderland.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try sunderland.run(
            .recordStageRecords(
                StageRecords(
                    actionsTaken: "Met", outcome: "No", learningIdentified: true, learning: "X",
                    concernReview: "Justified")))
        try sunderland.run(
            .escalate(reason: "Unresolved", evidence: "Tried", people: managers), on: ukDate("2027-02-03"))
        try sunderland.run(.reportSignificantHarm(concern: "New injury"))
        try sunderland.run(
            .recordStageRecords(
                StageRecords(actionsTaken: "Called", learningIdentified: false, concernReview: "Justified")))
        // The DSL who joined at step 1 must be consulted again at step 2.
        try sunderland.discussWithLead()
        try sunderland.run(.agreeTimescale(workingDays: 3, reason: "Child at risk", agreedBy: managers))
        try sunderland.run(
            .resolve(outcome: "Agreed", agreedBy: Parties.bothSides, followUp: nil), on: ukDate("2027-02-05"))
        try sunderland.run(.close(reviewHeld: nil, note: "Done"))

        var nelscp = try DisputeHarness("north-east-lincolnshire", Parties.raiseStrategic(), on: monday)
        try nelscp.run(.escalate(reason: "Unresolved", evidence: nil, people: [Parties.partners]))
        try nelscp.run(.acknowledge(note: "Received"), on: ukDate("2027-02-03"))
        try nelscp.run(.withdraw(reason: "Settled"))

        var flowchart = try DisputeHarness("five-stage-flowchart", on: monday)
        for (index, stage) in ["professional", "manager", "senior-manager", "director"].enumerated() {
            try flowchart.run(
                .agreePlan([PlannedAction(id: stage, action: "Talk", owner: Parties.officer, due: monday)]))
            try flowchart.run(.completeAction(id: stage, note: nil))
            try flowchart.run(
                .escalate(reason: "Stuck", evidence: "All tried", people: managers), on: monday.adding(days: index + 1))
        }
        try flowchart.run(.resolve(outcome: "Mediated", agreedBy: Parties.bothSides, followUp: nil))

        var sscp = try DisputeHarness("sunderland", on: monday)
        try sscp.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        for step in 0..<3 {
            if step > 0 { try sscp.discussWithLead() }
            try sscp.run(
                .recordStageRecords(
                    StageRecords(
                        actionsTaken: "Met", outcome: "No", learningIdentified: false, concernReview: "Justified")))
            try sscp.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        try sscp.discussWithLead()
        try sscp.run(
            .recordStageRecords(StageRecords(outcome: "Partners could not agree", interventionDecision: "None")))
        try sscp.run(.referExternally(route: "ofsted", reason: "Still unresolved"))
        var coventry = try DisputeHarness("coventry", on: monday)
        try coventry.run(.addParticipant(Parties.earlyHelpWorker, capacity: .earlyHelpProfessional))
        for _ in 0..<3 {
            try coventry.run(.recordStageRecords(StageRecords(actionsTaken: "Talked", outcome: "No agreement")))
            try coventry.run(.escalate(reason: "Unresolved", evidence: nil, people: managers))
        }
        try coventry.run(.considerReview(willHold: true, note: "Lessons for both agencies"))
        try coventry.run(.recordStageRecords(StageRecords(actionsTaken: "Decided", outcome: "Agreed")))
        try coventry.run(.resolve(outcome: "Agreed", agreedBy: Parties.bothSides, followUp: nil))
        try coventry.run(
            .recordReview(ReviewRecord(heldOn: monday, participants: managers, lessons: "Sooner", policyChanges: nil)))
        return [sunderland, nelscp, flowchart, sscp, coventry]
    }

    @Test func replayingTheEventsGivesTheSameState() throws {
        for dispute in try histories() {
            let replayed = try #require(DisputeState.replay(dispute.history))
            #expect(replayed == dispute.state)
            #expect(replayed.version == dispute.history.count)
            #expect(replayed.lastChanged == dispute.history.last?.at)
        }
    }

    @Test func replayNeedsARaisedEventFirst() throws {
        let dispute = try DisputeHarness("oldham", on: monday)
        #expect(DisputeState.replay([]) == nil)
        #expect(DisputeState.replay(Array(dispute.history.dropFirst())) == nil)
    }

    @Test func everyEventTypeRoundTripsThroughJSONUnchanged() throws {
        let events = try histories().flatMap { $0.history.map(\.event) }
        let types: Set<String> = [
            "raised", "stage-entered", "significant-harm-reported", "discussion-recorded", "plan-agreed",
            "action-completed", "participant-added", "stage-records-recorded", "escalated", "acknowledged", "resolved",
            "referred-externally", "withdrawn", "closed", "timescale-agreed", "review-considered", "review-recorded",
        ]
        #expect(Set(events.map(\.type)) == types)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for event in events {
            let data = try encoder.encode(event)
            let decoded = try JSONDecoder().decode(DisputeEvent.self, from: data)
            #expect(decoded == event)
            #expect(try encoder.encode(decoded) == data)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["type"] as? String == event.type)
            #expect(Set(object.keys) == ["type", "data"])
        }
    }

    @Test func anUnknownEventTypeIsRefusedWhenDecoding() {
        let json = Data(#"{"type":"reopened","data":{}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DisputeEvent.self, from: json) }
    }

    @Test func aLaterPolicyVersionNeverAltersARunningDispute() throws {
        let original = try builtInEngine("sunderland", version: "sha-v1")
        var changed = original.policy
        changed.stageLimit = Timescale(amount: 10, unit: .workingDays, from: .stageStart)
        changed.overall = Timescale(amount: 2, unit: .months, from: .disputeRaised)
        changed.rules.removeAll { $0.kindName == "required-participant" }
        let later = DisputeEngine(policy: changed, policyVersion: "sha-v2", calendar: original.calendar)

        var dispute = try DisputeHarness(engine: original, Parties.raise(), on: monday)
        try dispute.run(
            .recordStageRecords(
                StageRecords(actionsTaken: "Met", outcome: "No", learningIdentified: false, concernReview: "Justified"))
        )
        let before = dispute.state
        // The dispute keeps the policy version it was raised under and the deadlines fixed then.
        #expect(before.raised.policyVersion == "sha-v1")
        #expect(before.raised.overallDue == ukDate("2027-03-01") && before.currentStage.due == ukDate("2027-02-08"))
        // The original version still requires the DSL, and an engine holding the later version
        // refuses to decide for a dispute raised under the earlier one.
        dispute.expectRefused(
            .escalate(reason: "Unresolved", evidence: nil, people: managers),
            .participantRequired(.designatedSafeguardingLead, stage: "frontline"))
        #expect(throws: DisputeError.policyMismatch(dispute: "sunderland@sha-v1", engine: "sunderland@sha-v2")) {
            _ = try later.decide(
                .escalate(reason: "Unresolved", evidence: nil, people: managers), on: before, at: noon(monday))
        }
        // Rebuilding the dispute from its events, after the policy has changed, gives back
        // exactly the state it had.
        let replayed = try #require(DisputeState.replay(dispute.history))
        #expect(replayed == before)
        #expect(replayed.raised.overallDue == ukDate("2027-03-01") && replayed.stages[0].due == ukDate("2027-02-08"))
        // Under the original policy the next step still gets 5 working days.
        try dispute.run(.addParticipant(Parties.dsl, capacity: .designatedSafeguardingLead))
        try dispute.run(.escalate(reason: "Unresolved", evidence: nil, people: managers), on: ukDate("2027-02-03"))
        #expect(dispute.dues == [ukDate("2027-02-08"), ukDate("2027-02-10")])
        #expect(dispute.state.raised.overallDue == ukDate("2027-03-01"))
    }
}
