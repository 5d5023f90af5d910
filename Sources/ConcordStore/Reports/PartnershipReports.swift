import ConcordCore
import Foundation

/// A partnership's report, its figures from `ReportQueries` put in its policies' order, with
/// working days counted on its own calendar, closure days included.
public enum PartnershipReports {
    public static func report(
        _ database: ConcordDatabase, _ query: ReportQuery, holidays: HolidayTable,
        calendars: CalendarCache = CalendarCache()
    ) async throws -> PartnershipReport {
        let directory = Directory(database)
        let snapshot = try await directory.snapshot()
        guard let partnership = snapshot.partnership(id: query.partnership) else {
            throw StoreError.notFound("partnership \(query.partnership)")
        }
        let policies = try await directory.currentPolicies(partnership: partnership.id, on: query.today, in: snapshot)
            .map(\.policy)
        let subject = PartnershipReport.Subject(
            slug: partnership.slug, name: partnership.name, policies: policies,
            agencyNames: Dictionary(
                snapshot.agencies.map { ($0.ref.id, $0.ref.name) }, uniquingKeysWith: { first, _ in first }),
            calendar: calendars.calendar(
                region: partnership.region, holidays: holidays, closures: partnership.closureDays))
        // The learning is counted beside the disputes' figures, on another connection.
        let learning = LearningRecords(database)
        let themes = try await learning.themes(partnership: partnership.id)
        async let counted = learning.byTheme(query, themes: themes)
        let data = try await ReportQueries.data(database, query)
        var report = try PartnershipReport(
            data, of: subject, from: query.from, to: query.to, agency: query.agency, category: query.category)
        let byTheme = try await counted
        report.learning = PartnershipReport.Learning(
            themes: byTheme.themes, withoutTheme: byTheme.withoutTheme,
            actions: try await learning.actions(partnership: partnership.id, from: query.from, to: query.to),
            today: query.today)
        return report
    }
}
