import ConcordCore
import ConcordStore
import Foundation
import Testing

/// Commands performed through the store: what they write, and that loading gives it back.
@Suite struct DisputeStoreCommandTests {
    @Test(arguments: Backend.allCases) func everyCommandLoadsBackTheSameState(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let store = fixture.store
            var dispute = try await fixture.raise(lookedAfter: true)
            #expect(dispute.state.version == 2)
            #expect(dispute.events.map(\.content.type) == ["raised", "stage-entered"])
            let steps: [(DisputeCommand, PersonRef, String, expectedTypes: [String], stage: String)] = [
                (
                    .addParticipant(fixture.iro, capacity: .independentReviewingOfficer), fixture.manager,
                    "2026-12-21", ["participant-added"], "team-manager"
                ),
                (
                    fixture.meeting(on: "2026-12-21", with: [fixture.iro]), fixture.manager, "2026-12-21",
                    ["meeting-minutes-recorded"], "team-manager"
                ),
                (
                    .recordStageRecords(StageRecords(outcome: "No agreement")), fixture.otherManager, "2026-12-22",
                    ["stage-records-recorded"], "team-manager"
                ),
                (
                    fixture.escalateCommand, fixture.manager, "2026-12-22", ["escalated", "stage-entered"],
                    "head-of-service"
                ),
                (
                    .escalateForRisk(reason: "The child was hurt at home", people: [fixture.businessOffice]),
                    fixture.otherManager, "2026-12-23", ["escalated", "stage-entered"], "partnership"
                ),
                (fixture.resolveCommand, fixture.businessOffice, "2026-12-24", ["resolved"], "partnership"),
                (
                    .close(reviewHeld: nil, note: "Shared by email"), fixture.manager, "2026-12-29", ["closed"],
                    "partnership"
                ),
            ]
            for (command, actor, day, expectedTypes, stage) in steps {
                let before = dispute.state.version
                dispute = try await store.perform(
                    command, on: dispute.id, expectedVersion: before, by: actor, at: .london(day))
                #expect(dispute.state.version == before + expectedTypes.count)
                #expect(dispute.events.suffix(expectedTypes.count).map(\.content.type) == expectedTypes)
                #expect(dispute.events.last?.content.actorID == actor.id)
                #expect(dispute.state.currentStage.stage == stage)
                let loaded = try await store.load(dispute.id)
                #expect(loaded.state == dispute.state)
                #expect(loaded.events == dispute.events)
            }
            #expect(dispute.state.status == .closed)
            #expect(dispute.state.escalations.map(\.becauseOfRisk) == [false, true])
            #expect(dispute.state.participants.contains { $0.capacity == .independentReviewingOfficer })
            #expect(dispute.events.map(\.content.disputeVersion) == Array(1...11))
            await expectStoreError(.refused(.closed)) {
                try await fixture.perform(fixture.discussionCommand, on: dispute)
            }
            let summary = try #require(try await DisputeQueries.find(database, reference: "OLD-2026-0001"))
            #expect(summary.status == "closed")
            #expect(summary.currentStage == "partnership")
            #expect(summary.version == 11)
        }
    }

    /// A clock reading has sub-millisecond digits, which the stored timestamp does not keep:
    /// what a command returns must still be what loading gives.
    @Test(arguments: Backend.allCases) func loadingGivesTheReturnedStateAtAnyInstant(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let instant = Date.london("2026-12-21").addingTimeInterval(0.123_456)
            let raised = try await fixture.store.raise(
                fixture.raiseCommand(), partnership: fixture.partnership, at: instant)
            let performed = try await fixture.store.perform(
                fixture.discussionCommand, on: raised.id, expectedVersion: 2, by: fixture.manager,
                at: instant.addingTimeInterval(60))
            let loaded = try await fixture.store.load(raised.id)
            #expect(loaded.events == performed.events)
            // The state's last-changed instant is the only field that can differ.
            #expect(loaded.state.lastChanged == performed.state.lastChanged)
        }
    }

    @Test(arguments: Backend.allCases) func stageDeadlinesAreFixedWhenTheStageStarts(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let raised = try await fixture.raise()
            #expect(raised.state.currentStage.due == nil)
            let escalated = try await fixture.escalate(try await fixture.readyToEscalate(raised), day: "2026-12-22")
            let calendar = WorkingCalendar(region: fixture.policy.region)
            let due = try calendar.adding(workingDays: 5, to: LocalDate(iso: "2026-12-22")!)
            #expect(escalated.state.currentStage.due == due)
            let summary = try #require(try await DisputeQueries.find(database, reference: raised.state.reference))
            #expect(summary.stageDue == due.iso)
            #expect(summary.stageStartedOn == "2026-12-22")
            #expect(try await fixture.store.load(raised.id).state.currentStage.due == due)
        }
    }

    @Test(arguments: Backend.allCases) func referencesCountUpPerPolicyAndYear(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let oldham = try await Fixture.make(database)
            let sunderland = try await Fixture.make(database, policy: "sunderland")
            var references: [String] = []
            for day in ["2026-01-05", "2026-06-30", "2026-12-31"] {
                references.append(try await oldham.raise(on: day).state.reference)
            }
            references.append(try await sunderland.raise(on: "2026-12-21").state.reference)
            references.append(try await oldham.raise(on: "2027-01-04").state.reference)
            // A second partnership running the same policy shares the policy's numbering.
            let directory = Directory(database)
            let other = try await directory.addPartnership(
                slug: "oldham-north", name: "North", region: .englandAndWales)
            try await directory.installPolicy(
                try #require(PolicyLibrary.text(of: "oldham")), file: "oldham.yaml", partnership: other,
                at: .london("2026-01-01"))
            var command = oldham.raiseCommand()
            command.reference = "IGNORED-1"
            references.append(
                try await oldham.store.raise(command, partnership: other, at: .london("2026-12-21")).state.reference)
            #expect(
                references == [
                    "OLD-2026-0001", "OLD-2026-0002", "OLD-2026-0003", "SUN-2026-0001", "OLD-2027-0001",
                    "OLD-2026-0004",
                ])
            let listed = try await DisputeQueries.list(database).map(\.reference)
            #expect(Set(listed) == Set(references))
            #expect(listed.count == references.count)
        }
    }

    @Test(arguments: Backend.allCases) func unknownDisputesAndPartnershipsAreNamed(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let missing = UUID()
            await expectStoreError(.notFound("dispute \(missing)")) { try await fixture.store.load(missing) }
            await expectStoreError(.notFound("dispute \(missing)")) {
                try await fixture.store.perform(
                    fixture.discussionCommand, on: missing, expectedVersion: 2, by: fixture.manager,
                    at: .london("2026-12-21"))
            }
            let bare = try await Directory(database).addPartnership(
                slug: "no-policy", name: "No policy", region: .englandAndWales)
            await expectStoreError(.noPolicy(partnership: bare.uuidString)) {
                try await fixture.store.raise(fixture.raiseCommand(), partnership: bare, at: .london("2026-12-21"))
            }
            #expect(try await ChainAudit.run(database).count == 0)
        }
    }
}
