import ConcordCore
import ConcordStore
import DatabaseTestSupport
import Foundation
import SQLKit
import Testing

/// The learning loop over `ChristmasReport`'s disputes, whose learning, themes and actions are
/// set out there.
@Suite struct LearningRecordsTests {
    static func query(_ scenario: ChristmasReport, category: DisputeCategory? = nil) -> ReportQuery {
        ReportQuery(
            partnership: scenario.partnership, from: ChristmasReport.from, to: ChristmasReport.to, category: category,
            today: ChristmasReport.today)
    }

    static func entries(
        _ records: LearningRecords, _ scenario: ChristmasReport, _ theme: LearningRecords.ThemeChoice, page: Int = 1
    ) async throws -> LearningRecords.EntryPage {
        try await records.entries(
            query(scenario), theme: theme, page: page, themes: records.themes(partnership: scenario.partnership))
    }

    static func office(_ database: ConcordDatabase) async throws -> Account {
        try #require(try await Accounts(database).find(email: ChristmasReport.officeEmail))
    }

    @Test(arguments: Backend.allCases)
    func learningIsCountedByThemeAsWorkedOutByHand(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let report = try await PartnershipReports.report(database, Self.query(scenario), holidays: .standard)
            let learning = try #require(report.learning)
            #expect(
                learning.themes.map { "\($0.title) \($0.points) \($0.disputes)" } == [
                    "Information not shared 1 1", "Thresholds understood differently 1 1",
                ], "the retired theme, with no learning in the period, is left out")
            #expect(
                learning.withoutTheme.points == 1 && learning.withoutTheme.disputes == 1,
                "E's, raised before the period")
            #expect(
                learning.actions.map { "\($0.action): \($0.statusText(on: ChristmasReport.today))" } == [
                    "Briefing to schools: Overdue", "Procedure revised: Done on 8 January 2027",
                ])
            let json = try #require(
                try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
            let written = try #require(json["learning"] as? [String: Any])
            let actions = try #require(written["actions"] as? [[String: Any]])
            #expect(actions.map { $0["status"] as? String } == ["overdue", "done"])
            #expect(actions.map { $0["completed_on"] is NSNull } == [true, false])
            let table = try #require(report.tables.first { $0.id == "learning" })
            #expect(table.rows.last?.first == .text("Not yet given a theme"))

            // Only plan disputes: C, which has no learning.
            let plans = try await LearningRecords(database).byTheme(
                Self.query(scenario, category: .plan),
                themes: try await LearningRecords(database).themes(partnership: scenario.partnership))
            #expect(plans.themes.allSatisfy { $0.points == 0 } && plans.withoutTheme.points == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func entriesArePagedNewestFirstAndFilteredByTheme(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let records = LearningRecords(database)
            let all = try await Self.entries(records, scenario, .any)
            #expect(all.entries.map(\.point.recordedOn.iso) == ["2027-01-05", "2026-12-23", "2026-12-02"])
            #expect(all.entries.map(\.point.key) == ["records-1", "records-0", "records-0"])
            #expect(all.entries.first?.point.stage == "head-of-service")
            #expect(
                all.entries.map { $0.themes.map(\.title) } == [
                    ["Information not shared"], ["Thresholds understood differently"], [],
                ])
            #expect(!all.hasMore)
            let none = try await Self.entries(records, scenario, .none)
            #expect(none.entries.map(\.point.text) == ["Escalate sooner"])
            let themes = try await records.themes(partnership: scenario.partnership)
            let thresholds = try #require(themes.first { $0.title == "Thresholds understood differently" })
            let tagged = try await Self.entries(records, scenario, .theme(thresholds.id))
            #expect(tagged.entries.map(\.point.text) == ["The agencies read the threshold differently"])
            #expect(try await Self.entries(records, scenario, .any, page: 2).entries.isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func themesAreGivenWithHistoryAndOnlyFromThePartnershipsOwnInUse(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let records = LearningRecords(database)
            let office = try await Self.office(database)
            let themes = try await records.themes(partnership: scenario.partnership)
            #expect(themes.map(\.title) == ChristmasReport.themeTitles, "in use alphabetically, then retired")
            let none = try await Self.entries(records, scenario, .none).entries[0]
            let retired = try #require(themes.first { $0.retired })
            await #expect(throws: LearningError.invalid(field: "themes", "Choose themes from the list")) {
                try await records.setThemes(
                    [retired.id], dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership,
                    by: office, at: Date())
            }
            let other = try await Directory(database).addPartnership(
                slug: "other", name: "Other", region: .englandAndWales)
            let foreign = try await records.addTheme("Not theirs", partnership: other, by: office, at: Date())
            await #expect(throws: LearningError.invalid(field: "themes", "Choose themes from the list")) {
                try await records.setThemes(
                    [foreign.id], dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership,
                    by: office, at: Date())
            }
            await #expect(throws: LearningError.notFound) {
                try await records.setThemes(
                    [foreign.id], dispute: none.disputeID, key: none.point.key, partnership: other, by: office,
                    at: Date())
            }
            #expect(try await records.entry(dispute: none.disputeID, key: none.point.key, partnership: other) == nil)

            let inUse = themes.filter { !$0.retired }.map(\.id)
            try await records.setThemes(
                Set(inUse), dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership, by: office,
                at: .init(timeIntervalSince1970: 1_800_000_000))
            try await records.setThemes(
                [inUse[1]], dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership, by: office,
                at: .init(timeIntervalSince1970: 1_800_000_060))
            let history = try await records.history(
                .point(dispute: none.disputeID, key: none.point.key), partnership: scenario.partnership)
            #expect(
                history.map(\.change) == [
                    "Gave it the themes “Information not shared” and “Thresholds understood differently”",
                    "Took away the theme “Information not shared”",
                ])
            #expect(history.allSatisfy { $0.by == "Christmas business office" })
            #expect(
                try await records.history(.point(dispute: none.disputeID, key: none.point.key), partnership: other)
                    .isEmpty)

            // A retired theme already given stays on saving.
            try await records.setRetired(
                true, theme: inUse[1], partnership: scenario.partnership, by: office, at: Date())
            try await records.setThemes(
                [inUse[1]], dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership, by: office,
                at: Date())
            let kept = try await records.entry(
                dispute: none.disputeID, key: none.point.key, partnership: scenario.partnership)
            #expect(kept?.themes.map(\.id) == [inUse[1]])
        }
    }

    @Test(arguments: Backend.allCases)
    func themeTitlesAreCheckedAndTheirChangesKept(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let records = LearningRecords(database)
            let office = try await Self.office(database)
            await #expect(throws: LearningError.invalid(field: "title", "Enter the theme")) {
                try await records.addTheme("  ", partnership: scenario.partnership, by: office, at: Date())
            }
            await #expect(
                throws: LearningError.invalid(
                    field: "title", "The partnership already has the theme “information NOT shared”")
            ) {
                try await records.addTheme(
                    "information NOT shared", partnership: scenario.partnership, by: office, at: Date())
            }
            let theme = try await records.addTheme(
                "Voice of the child", partnership: scenario.partnership, by: office, at: Date())
            try await records.renameTheme(
                theme.id, to: "Voice of the child not heard", partnership: scenario.partnership, by: office, at: Date())
            try await records.setRetired(
                true, theme: theme.id, partnership: scenario.partnership, by: office, at: Date())
            try await records.setRetired(
                false, theme: theme.id, partnership: scenario.partnership, by: office, at: Date())
            #expect(
                try await records.history(.theme(theme.id), partnership: scenario.partnership).map(\.change) == [
                    "Added the theme “Voice of the child”",
                    "Renamed the theme “Voice of the child” to “Voice of the child not heard”",
                    "Retired the theme “Voice of the child not heard”",
                    "Brought back the theme “Voice of the child not heard”",
                ])
        }
    }

    @Test(arguments: Backend.allCases)
    func actionsAreTrackedToDoneWithTheirHistory(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let records = LearningRecords(database)
            let office = try await Self.office(database)
            let themes = try await records.themes(partnership: scenario.partnership)
            let open = try await records.actions(partnership: scenario.partnership, .open)
            #expect(open.actions.map(\.action) == ["Briefing to schools", "Audit of referrals"], "soonest due first")
            let done = try await records.actions(partnership: scenario.partnership, .done)
            #expect(done.actions.map(\.action) == ["Procedure revised", "Multi-agency training"], "latest done first")

            let briefing = open.actions[0]
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            var draft = LearningRecords.ActionDraft(
                theme: themes[1].id, action: "Briefing to schools and GPs", owner: "Designated doctor",
                dueOn: LocalDate(iso: "2027-02-26")!)
            try await records.updateAction(briefing.id, draft, partnership: scenario.partnership, by: office, at: now)
            draft.theme = themes[2].id
            await #expect(throws: LearningError.invalid(field: "theme", "Choose a theme from the list"), "retired") {
                try await records.updateAction(
                    briefing.id, draft, partnership: scenario.partnership, by: office, at: now)
            }
            let today = LondonTime.date(of: now)
            await #expect(
                throws: LearningError.invalid(field: "completed", "The day it was done must be today or in the past")
            ) {
                try await records.completeAction(
                    briefing.id, on: today.adding(days: 1), outcome: "Held", partnership: scenario.partnership,
                    by: office, at: now)
            }
            await #expect(
                throws: LearningError.invalid(
                    field: "completed",
                    "The day it was done must be on or after 6 January 2027, when it was recorded")
            ) {
                try await records.completeAction(
                    briefing.id, on: LocalDate(iso: "2027-01-05")!, outcome: "Held", partnership: scenario.partnership,
                    by: office, at: now)
            }
            try await records.completeAction(
                briefing.id, on: today, outcome: "Briefings held", partnership: scenario.partnership, by: office,
                at: now.addingTimeInterval(60))
            try await records.reopenAction(
                briefing.id, reason: "GPs not yet briefed", partnership: scenario.partnership, by: office,
                at: now.addingTimeInterval(120))
            let reopened = try #require(try await records.action(briefing.id, partnership: scenario.partnership))
            #expect(reopened.completedOn == nil && reopened.status(on: today) == .open)
            let history = try await records.history(.action(briefing.id), partnership: scenario.partnership)
            #expect(
                history.map(\.change) == [
                    "Recorded the action for “Information not shared”, owned by Head of Quality Assurance, due 12 January 2027",
                    "Moved it from the theme “Information not shared” to “Thresholds understood differently”; reworded it from “Briefing to schools”; "
                        + "changed its owner from Head of Quality Assurance to Designated doctor; "
                        + "changed its due date from 12 January 2027 to 26 February 2027",
                    "Marked done on \(today.text): Briefings held",
                    "Reopened: GPs not yet briefed",
                ])
            let other = try await Directory(database).addPartnership(
                slug: "other", name: "Other", region: .englandAndWales)
            #expect(try await records.action(briefing.id, partnership: other) == nil)
            await #expect(throws: LearningError.notFound) {
                try await records.reopenAction(briefing.id, reason: "x", partnership: other, by: office, at: now)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func theHistoryCannotBeChangedOrRemoved(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            _ = try await ChristmasReport.seed(database)
            await #expect(throws: (any Error).self) {
                try await TestDatabase.guardedSQL(database, "UPDATE learning_history SET change = 'nothing'")
            }
            await #expect(throws: (any Error).self) {
                try await TestDatabase.guardedSQL(database, "DELETE FROM learning_history")
            }
            let count = try await (database.database as! any SQLDatabase).raw(
                "SELECT COUNT(*) AS n FROM learning_history"
            ).first()?.decode(column: "n", as: Int.self)
            #expect(count == 12)
        }
    }

    /// Themes are given to a dispute and key, not to a projection row, so they survive a
    /// rebuild; a database from before learning fills its learning from the events.
    @Test(arguments: Backend.allCases)
    func learningSurvivesARebuildAndIsFilledOnMigrating(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let scenario = try await ChristmasReport.seed(database)
            let before = try await PartnershipReports.report(database, Self.query(scenario), holidays: .standard).json()
            _ = try await ProjectionRebuilder.rebuild(database)
            #expect(
                try await PartnershipReports.report(database, Self.query(scenario), holidays: .standard).json()
                    == before)

            let sql = database.database as! any SQLDatabase
            try await sql.raw(
                "DELETE FROM _fluent_migrations WHERE name IN ('ConcordStore.CreateDisputeLearning', 'ConcordStore.FillDisputeLearning')"
            ).run()
            try await sql.raw("DROP TABLE dispute_learning").run()
            #expect(try await database.pendingMigrations() == 2)
            try await database.migrate()
            #expect(
                try await PartnershipReports.report(database, Self.query(scenario), holidays: .standard).json()
                    == before)
        }
    }
}
