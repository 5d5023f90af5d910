import ConcordCore
import ConcordStore
import DatabaseTestSupport
import Foundation
import SQLKit
import Testing

/// A partnership's report over `ChristmasReport`'s disputes, each figure worked out by hand
/// there.
@Suite struct ReportQueriesTests {
    static func report(
        _ database: ConcordDatabase, _ scenario: ChristmasReport, category: DisputeCategory? = nil
    ) async throws -> PartnershipReport {
        try await PartnershipReports.report(
            database,
            ReportQuery(
                partnership: scenario.partnership, from: ChristmasReport.from, to: ChristmasReport.to,
                category: category, today: ChristmasReport.today),
            holidays: .standard)
    }

    @Test(arguments: Backend.allCases)
    func figuresAreThoseWorkedOutByHand(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let report = try await Self.report(database, scenario)
            #expect(report.raised == 5, "A, B, C, D and F; E was raised before the period")
            #expect(report.byRaisingAgency.map(\.label) == ["Yuletide Social Care"])
            #expect(report.byRaisingAgency.map(\.count) == [5])
            #expect(report.byReceivingAgency.map(\.label) == ["Yuletide Health"])
            #expect(report.byCategory.map { "\($0.key)=\($0.count)" } == ["threshold=4", "plan=1"])
            #expect(report.ended == PartnershipReport.Ended(resolved: 2, referred: 0, withdrawn: 1, open: 2))
            #expect(report.significantHarm == 1)
            #expect(report.acknowledgement == nil && report.wholeProcess == nil, "Oldham sets neither")

            let stages = Dictionary(uniqueKeysWithValues: report.stages.map { ($0.id, $0) })
            #expect(
                report.stages.map(\.id) == ["team-manager", "head-of-service", "assistant-director", "partnership"])
            #expect(
                stages["team-manager"]?.timeliness
                    == Timeliness(
                        entered: 5, withinTimescale: nil, late: nil, medianWorkingDays: nil, p90WorkingDays: nil))
            // A 5 and C 2 working days within, B 7 late; F not finished. Median 5; the 90th
            // percentile's rank is ⌈0.9 × 3⌉ = 3: 7.
            #expect(
                stages["head-of-service"]?.timeliness
                    == Timeliness(entered: 4, withinTimescale: 2, late: 1, medianWorkingDays: 5, p90WorkingDays: 7))
            #expect(stages["assistant-director"]?.timeliness.entered == 1)
            #expect(stages["partnership"]?.timeliness.entered == 0)
            #expect(report.stages.map(\.reached) == [1, 3, 1, 0], "furthest stage: D; A, C, F; B")
            #expect(report.stages.map(\.resolvedHere) == [1, 1, 0, 0])
            #expect(report.stages.map(\.overdueNow) == [0, 1, 0, 0])
            #expect(
                report.months.map { "\($0.month) \($0.raised) \($0.resolved)" } == ["2026-12 5 2", "2027-01 0 1"])

            let plans = try await Self.report(database, scenario, category: .plan)
            #expect(plans.raised == 1 && plans.ended.withdrawn == 1)
            #expect(plans.stages.first { $0.id == "head-of-service" }?.timeliness.medianWorkingDays == 2)
        }
    }

    @Test(arguments: Backend.allCases)
    func aRebuildGivesTheSameReport(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let before = try await Self.report(database, scenario).json()
            _ = try await ProjectionRebuilder.rebuild(database)
            #expect(try await Self.report(database, scenario).json() == before)
        }
    }

    /// A database from before reports, with disputes in it, gets the same figures once migrated.
    @Test(arguments: Backend.allCases)
    func migratingADatabaseFromBeforeReportsFillsThem(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let before = try await Self.report(database, scenario).json()
            let sql = database.database as! any SQLDatabase
            try await sql.raw(
                """
                DELETE FROM _fluent_migrations WHERE name IN \
                ('ConcordStore.AddDisputeOutcomes', 'ConcordStore.CreateDisputeStageVisits', \
                'ConcordStore.FillDisputeOutcomes')
                """
            ).run()
            try await sql.raw("DROP TABLE dispute_stage_visits").run()
            try await sql.raw("DROP INDEX disputes_partnership_ended").run()
            for column in [
                "raising_agency_id", "ended_how", "ended_on", "referral_route", "acknowledgement_from", "overall_from",
            ] {
                try await sql.raw("ALTER TABLE disputes DROP COLUMN \(ident: column)").run()
            }
            #expect(try await database.pendingMigrations() == 3)
            try await database.migrate()
            #expect(try await Self.report(database, scenario).json() == before)
        }
    }
}
