import ConcordCore
import Foundation
import SQLKit

/// A report's figures from SQL aggregates over the projections: grouped counts, never a row
/// per dispute and never a replay of events.
public enum ReportQueries {
    public static func data(_ database: ConcordDatabase, _ query: ReportQuery) async throws -> ReportData {
        let sql = database.database as! any SQLDatabase
        let cohort = Self.cohort(query)
        var data = ReportData()
        for row in try await sql.raw(
            "SELECT d.raising_agency_id AS k, COUNT(*) AS n FROM disputes d WHERE \(cohort) GROUP BY d.raising_agency_id"
        ).all() {
            data.byRaisingAgency[try row.decodeNil(column: "k") ? "" : row.decode(column: "k", as: String.self)] =
                try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            """
            SELECT a.agency_id AS k, COUNT(*) AS n FROM disputes d JOIN dispute_agencies a ON a.dispute_id = d.id
            WHERE \(cohort) AND a.agency_id <> d.raising_agency_id GROUP BY a.agency_id
            """
        ).all() {
            data.byReceivingAgency[try row.decode(column: "k", as: String.self)] = try row.decode(
                column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            "SELECT d.category AS k, COUNT(*) AS n FROM disputes d WHERE \(cohort) GROUP BY d.category"
        ).all() {
            guard let category = DisputeCategory(rawValue: try row.decode(column: "k", as: String.self)) else {
                continue
            }
            data.byCategory[category] = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            """
            SELECT d.ended_how AS how, d.current_stage AS stage, d.referral_route AS route, COUNT(*) AS n,
              SUM(CASE WHEN d.significant_harm THEN 1 ELSE 0 END) AS harm
            FROM disputes d WHERE \(cohort) GROUP BY d.ended_how, d.current_stage, d.referral_route
            """
        ).all() {
            data.endings.append(
                ReportData.Ending(
                    ending: try row.decode(column: "how", as: String?.self).flatMap(DisputeEnding.init(rawValue:)),
                    stage: try row.decode(column: "stage", as: String.self),
                    route: try row.decode(column: "route", as: String?.self),
                    count: try row.decode(column: "n", as: Int.self)))
            data.significantHarm += try row.decode(column: "harm", as: Int.self)
        }
        data.visits = try await visits(sql, cohort)
        data.acknowledgement = try await clock(
            sql, cohort, from: "d.acknowledgement_from", done: "d.acknowledged_on", due: "d.acknowledgement_due")
        data.wholeProcess = try await clock(
            sql, cohort, from: "d.overall_from", done: "d.ended_on", due: "d.overall_due")
        let filtered = Self.filtered(query)
        for row in try await sql.raw(
            """
            SELECT d.current_stage AS k, COUNT(*) AS n FROM disputes d
            WHERE \(filtered) AND d.status = \(bind: DisputeStatus.open.rawValue) AND d.stage_due < \(bind: query.today.iso)
            GROUP BY d.current_stage
            """
        ).all() {
            data.overdueNow[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            "SELECT substr(d.raised_on, 1, 7) AS k, COUNT(*) AS n FROM disputes d WHERE \(cohort) GROUP BY substr(d.raised_on, 1, 7)"
        ).all() {
            data.raisedByMonth[try row.decode(column: "k", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            """
            SELECT substr(d.ended_on, 1, 7) AS k, COUNT(*) AS n FROM disputes d
            WHERE \(filtered) AND d.ended_how = \(bind: DisputeEnding.resolved.rawValue)
            AND d.ended_on >= \(bind: query.from.iso) AND d.ended_on <= \(bind: query.to.iso)
            GROUP BY substr(d.ended_on, 1, 7)
            """
        ).all() {
            data.resolvedByMonth[try row.decode(column: "k", as: String.self)] = try row.decode(
                column: "n", as: Int.self)
        }
        return data
    }

    /// The stages' visits grouped by the days they began and finished and whether by the deadline.
    private static func visits(_ sql: any SQLDatabase, _ cohort: SQLQueryString) async throws -> [ReportData.Visits] {
        try await sql.raw(
            """
            SELECT v.stage AS stage, v.entered_on AS entered, v.finished_on AS finished,
              CASE WHEN v.finished_on IS NULL OR v.deadline IS NULL THEN NULL
                WHEN v.finished_on <= v.deadline THEN 1 ELSE 0 END AS within,
              COUNT(*) AS n
            FROM disputes d JOIN dispute_stage_visits v ON v.dispute_id = d.id
            WHERE \(cohort) GROUP BY v.stage, v.entered_on, v.finished_on, within
            """
        ).all().compactMap { row in
            guard let entered = LocalDate(iso: try row.decode(column: "entered", as: String.self)) else { return nil }
            return ReportData.Visits(
                stage: try row.decode(column: "stage", as: String.self), enteredOn: entered,
                finishedOn: try row.decode(column: "finished", as: String?.self).flatMap(LocalDate.init(iso:)),
                withinTimescale: try row.decode(column: "within", as: Int?.self).map { $0 == 1 },
                count: try row.decode(column: "n", as: Int.self))
        }
    }

    /// The acknowledgement or the whole process: the disputes due one, and when those done were done.
    private static func clock(
        _ sql: any SQLDatabase, _ cohort: SQLQueryString, from: String, done: String, due: String
    ) async throws -> ReportData.Clock {
        var clock = ReportData.Clock()
        for row in try await sql.raw(
            """
            SELECT \(unsafeRaw: from) AS began, \(unsafeRaw: done) AS done,
              CASE WHEN \(unsafeRaw: done) IS NULL THEN NULL WHEN \(unsafeRaw: done) <= \(unsafeRaw: due) THEN 1 ELSE 0 END
                AS within,
              COUNT(*) AS n
            FROM disputes d WHERE \(cohort) AND \(unsafeRaw: due) IS NOT NULL
            GROUP BY \(unsafeRaw: from), \(unsafeRaw: done), within
            """
        ).all() {
            let count = try row.decode(column: "n", as: Int.self)
            clock.due += count
            guard let began = try row.decode(column: "began", as: String?.self).flatMap(LocalDate.init(iso:)),
                let finished = try row.decode(column: "done", as: String?.self).flatMap(LocalDate.init(iso:))
            else { continue }
            clock.finished.append(
                Timeliness.Finished(
                    from: began, on: finished, withinTimescale: try row.decode(column: "within", as: Int?.self) == 1,
                    count: count))
        }
        return clock
    }

    /// The period's disputes: raised in it, in the partnership, matching the filters.
    static func cohort(_ query: ReportQuery) -> SQLQueryString {
        filtered(query) + " AND d.raised_on >= \(bind: query.from.iso) AND d.raised_on <= \(bind: query.to.iso)"
    }

    static func filtered(_ query: ReportQuery) -> SQLQueryString {
        var clause: SQLQueryString = "d.partnership_id = \(bind: query.partnership)"
        if let category = query.category { clause = clause + " AND d.category = \(bind: category.rawValue)" }
        if let agency = query.agency {
            clause =
                clause
                + " AND d.id IN (SELECT a.dispute_id FROM dispute_agencies a WHERE a.agency_id = \(bind: agency))"
        }
        return clause
    }
}
