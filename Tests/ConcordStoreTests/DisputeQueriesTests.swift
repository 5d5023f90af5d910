import ConcordCore
import ConcordStore
import Foundation
import Testing

/// The dispute list's filters and the overdue query.
@Suite struct DisputeQueriesTests {
    /// Flowchart disputes (2 working days at the first stage) and Oldham ones (no timescale at
    /// the first stage, 5 working days at the second), some no longer open.
    struct Overdue {
        var flowchart: Fixture
        var oldham: Fixture
        var references: [String: String] = [:]
        var due: [String: LocalDate] = [:]

        static func seed(_ database: ConcordDatabase) async throws -> Overdue {
            var seeded = Overdue(
                flowchart: try await Fixture.make(database, policy: "five-stage-flowchart"),
                oldham: try await Fixture.make(database))
            let fx = seeded.flowchart
            for (name, day) in [("early", "2026-12-01"), ("later", "2026-12-07"), ("latest", "2026-12-08")] {
                try await seeded.keep(name, try await fx.raise(on: day))
            }
            let plan = DisputeCommand.agreePlan([
                PlannedAction(id: "a1", action: "Visit", owner: fx.manager, due: LocalDate(iso: "2026-12-04")!)
            ])
            let resolved = try await fx.perform(plan, on: try await fx.raise(on: "2026-12-02"), day: "2026-12-02")
            try await seeded.keep(
                "resolved",
                try await fx.perform(
                    .resolve(outcome: "Agreed", agreedBy: [fx.manager, fx.otherManager], followUp: "Visit on Friday"),
                    on: resolved, day: "2026-12-03"))
            let withdrawn = try await fx.raise(on: "2026-11-30")
            try await seeded.keep(
                "withdrawn", try await fx.perform(.withdraw(reason: "Sorted"), on: withdrawn, day: "2026-12-01"))
            let ol = seeded.oldham
            try await seeded.keep("no-timescale", try await ol.raise(on: "2026-11-02"))
            let escalated = try await ol.escalate(
                try await ol.readyToEscalate(try await ol.raise(on: "2026-11-30"), day: "2026-11-30"), day: "2026-12-01"
            )
            try await seeded.keep("escalated", escalated)
            return seeded
        }

        mutating func keep(_ name: String, _ dispute: DisputeStore.Loaded) async throws {
            references[name] = dispute.state.reference
            due[name] = dispute.state.currentStage.due
        }

        func names(_ summaries: [DisputeSummary]) -> [String] {
            summaries.map { summary in references.first { $0.value == summary.reference }?.key ?? summary.reference }
        }
    }

    @Test(arguments: Backend.allCases) func overdueListsOpenDisputesPastTheirStageDueOldestFirst(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let seeded = try await Overdue.seed(database)
            let calendar = WorkingCalendar(region: .englandAndWales)
            #expect(seeded.due["early"] == (try calendar.adding(workingDays: 2, to: LocalDate(iso: "2026-12-01")!)))
            #expect(seeded.due["escalated"] == (try calendar.adding(workingDays: 5, to: LocalDate(iso: "2026-12-01")!)))
            #expect(seeded.due["no-timescale"] == nil)
            let early = try #require(seeded.due["early"])
            let escalated = try #require(seeded.due["escalated"])
            let later = try #require(seeded.due["later"])
            let latest = try #require(seeded.due["latest"])
            #expect(early < escalated && escalated < later && later < latest)

            func overdue(_ day: LocalDate) async throws -> [String] {
                let found = try await DisputeQueries.overdue(database, on: day)
                #expect(found.allSatisfy { $0.status == "open" })
                return seeded.names(found)
            }
            #expect(try await overdue(LocalDate(iso: "2026-12-01")!) == [])
            #expect(try await overdue(early) == [], "due on the day is not yet overdue")
            #expect(try await overdue(early.adding(days: 1)) == ["early"])
            #expect(try await overdue(escalated.adding(days: 1)) == ["early", "escalated"])
            #expect(try await overdue(later.adding(days: 1)) == ["early", "escalated", "later"])
            #expect(try await overdue(LocalDate(iso: "2027-06-01")!) == ["early", "escalated", "later", "latest"])
            let rows = try await DisputeQueries.overdue(database, on: LocalDate(iso: "2027-06-01")!)
            #expect(rows.map(\.stageDue) == [early, escalated, later, latest].map(\.iso))
        }
    }

    @Test(arguments: Backend.allCases) func overdueFollowsTheProjectionAfterARebuild(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            _ = try await Overdue.seed(database)
            let day = LocalDate(iso: "2026-12-31")!
            let before = try await DisputeQueries.overdue(database, on: day)
            try await TestDatabase.sql(database, "DELETE FROM disputes")
            #expect(try await DisputeQueries.overdue(database, on: day) == [])
            _ = try await ProjectionRebuilder.rebuild(database)
            #expect(try await DisputeQueries.overdue(database, on: day) == before)
        }
    }

    @Test(arguments: Backend.allCases) func listFiltersByStatusAndPartnership(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let seeded = try await Overdue.seed(database)
            let flowchart = seeded.flowchart.partnership
            let oldham = seeded.oldham.partnership
            func list(_ status: DisputeStatus? = nil, _ partnership: UUID? = nil) async throws -> [String] {
                seeded.names(try await DisputeQueries.list(database, status: status, partnership: partnership))
            }
            // Ordered by the day raised, then the reference.
            #expect(
                try await list() == [
                    "no-timescale", "withdrawn", "escalated", "early", "resolved", "later", "latest",
                ])
            #expect(try await list(.open) == ["no-timescale", "escalated", "early", "later", "latest"])
            #expect(try await list(nil, flowchart) == ["withdrawn", "early", "resolved", "later", "latest"])
            #expect(try await list(nil, oldham) == ["no-timescale", "escalated"])
            #expect(try await list(.open, flowchart) == ["early", "later", "latest"])
            #expect(try await list(.resolved, flowchart) == ["resolved"])
            #expect(try await list(.withdrawn) == ["withdrawn"])
            #expect(try await list(.resolved, oldham) == [])
            #expect(try await list(.closed) == [])
            #expect(try await list(nil, UUID()) == [])

            let found = try #require(
                try await DisputeQueries.find(database, reference: seeded.references["escalated"]!))
            #expect(found.partnershipID == oldham)
            #expect(found.policyID == "oldham")
            #expect(found.currentStage == "head-of-service")
            #expect(found.raisedOn == "2026-11-30")
            #expect(try await DisputeQueries.find(database, reference: "OLD-2026-9999") == nil)
        }
    }

    /// Sunderland disputes (5 working days a step, the whole process a month) and North East
    /// Lincolnshire ones (acknowledged within 5 working days of reaching the chair in writing).
    @Test(arguments: Backend.allCases) func pastAnyDeadlineListsStageOverallAndAcknowledgementLateness(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let sunderland = try await Fixture.make(database, policy: "sunderland")
            let nelscp = try await Fixture.make(database, policy: "north-east-lincolnshire")
            var references: [String: String] = [:]
            func keep(_ name: String, _ dispute: DisputeStore.Loaded) { references[name] = dispute.state.reference }
            func names(_ summaries: [DisputeSummary]) -> [String] {
                summaries.map { summary in references.first { $0.value == summary.reference }?.key ?? summary.reference
                }
            }

            // Step 1 left in time, but the month runs out before step 2's five days do.
            let lead = DisputeCommand.addParticipant(
                sunderland.otherPractitioner, capacity: .designatedSafeguardingLead)
            let records = DisputeCommand.recordStageRecords(
                StageRecords(
                    actionsTaken: "Called twice", outcome: "Still apart", learningIdentified: false,
                    concernReview: "Justified"))
            var monthLate = try await sunderland.raise(on: "2026-11-02")
            monthLate = try await sunderland.perform(lead, on: monthLate, day: "2026-11-02")
            monthLate = try await sunderland.perform(records, on: monthLate, day: "2026-11-03")
            keep("month-late", try await sunderland.escalate(monthLate, day: "2026-12-01"))
            keep("stage-late", try await sunderland.raise(on: "2026-12-03"))
            var resolved = try await sunderland.raise(on: "2026-11-02")
            resolved = try await sunderland.perform(lead, on: resolved, day: "2026-11-02")
            resolved = try await sunderland.perform(records, on: resolved, day: "2026-11-03")
            keep("resolved", try await sunderland.resolve(resolved, close: false, day: "2026-11-04"))

            func strategic(on day: String) async throws -> DisputeStore.Loaded {
                var command = nelscp.raiseCommand()
                command.issue = "Who funds the joint triage team"
                command.children = []
                let raised = try await nelscp.store.raise(command, partnership: nelscp.partnership, at: .london(day))
                return try await nelscp.escalate(raised, day: day)
            }
            let unacknowledged = try await strategic(on: "2026-12-01")
            keep("unacknowledged", unacknowledged)
            keep(
                "acknowledged",
                try await nelscp.perform(
                    .acknowledge(note: "Received"), on: try await strategic(on: "2026-12-01"), by: nelscp.otherManager,
                    day: "2026-12-02"))

            // The deadlines the projection holds, which the days below are chosen around.
            func row(_ name: String) async throws -> DisputeSummary {
                try #require(try await DisputeQueries.find(database, reference: references[name]!))
            }
            let month = try await row("month-late")
            #expect(month.overallDue == "2026-12-02" && month.stageDue == "2026-12-08")
            let stage = try await row("stage-late")
            #expect(stage.stageDue == "2026-12-10" && stage.overallDue == "2027-01-04")
            let waiting = try await row("unacknowledged")
            #expect(waiting.acknowledgementDue == "2026-12-08" && waiting.acknowledgedOn == nil)
            // The partners' outcome is due 15 working days from receipt, and runs from receipt.
            #expect(waiting.stageDue == "2026-12-22" && waiting.overallDue == nil)
            let answered = try await row("acknowledged")
            #expect(answered.acknowledgementDue == "2026-12-08" && answered.acknowledgedOn == "2026-12-02")

            func past(_ day: String) async throws -> [String] {
                let found = try await DisputeQueries.pastAnyDeadline(database, on: LocalDate(iso: day)!)
                #expect(found.allSatisfy { $0.status == "open" })
                return names(found)
            }
            #expect(try await past("2026-12-02") == [], "due on the day is not yet past")
            // Past the month though not past the step: overdue() does not see it, this does.
            #expect(try await past("2026-12-03") == ["month-late"])
            #expect(try await DisputeQueries.overdue(database, on: LocalDate(iso: "2026-12-03")!) == [])
            #expect(try await past("2026-12-08") == ["month-late"])
            #expect(try await past("2026-12-09") == ["month-late", "unacknowledged"])
            // Oldest raised first.
            #expect(try await past("2026-12-11") == ["month-late", "unacknowledged", "stage-late"])
            // A late acknowledgement takes a dispute with no other deadline off the list.
            _ = try await nelscp.perform(
                .acknowledge(note: "Received late"), on: unacknowledged, by: nelscp.otherManager, day: "2026-12-10")
            #expect(try await past("2026-12-11") == ["month-late", "stage-late"])
            #expect(
                Set(try await past("2027-06-01")) == ["month-late", "stage-late", "unacknowledged", "acknowledged"])
        }
    }
}
