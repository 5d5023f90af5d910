import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// The period's learning counted by theme, and the clauses that choose it, for the Learning
/// page and the board report alike.
extension LearningRecords {
    /// The period's learning counted by theme: each of the partnership's `themes` in use,
    /// retired ones with learning in the period, and the learning not yet given one.
    public func byTheme(
        _ query: ReportQuery, themes: [LearningTheme]
    ) async throws -> (
        themes: [PartnershipReport.Learning.Theme], withoutTheme: PartnershipReport.Learning.Theme
    ) {
        let sql = db as! any SQLDatabase
        // One pass over the period's learning: a point without a theme joins no tag, and
        // falls in the group whose theme is null.
        var counts: [UUID?: (points: Int, disputes: Int)] = [:]
        for row in try await sql.raw(
            """
            SELECT t.theme_id AS k, COUNT(*) AS points, COUNT(DISTINCT l.dispute_id) AS disputes
            FROM dispute_learning l
            LEFT JOIN learning_tags t ON t.dispute_id = l.dispute_id AND t.point_key = l.point_key
            WHERE \(Self.period(query)) GROUP BY t.theme_id
            """
        ).all() {
            counts[try row.decode(column: "k", as: UUID?.self)] = (
                try row.decode(column: "points", as: Int.self), try row.decode(column: "disputes", as: Int.self)
            )
        }
        let themes = themes.filter { !$0.retired || counts[$0.id] != nil }
            .map { theme in
                PartnershipReport.Learning.Theme(
                    id: theme.id, title: theme.title + (theme.retired ? " (retired)" : ""),
                    points: counts[theme.id]?.points ?? 0, disputes: counts[theme.id]?.disputes ?? 0)
            }
        return (
            themes,
            PartnershipReport.Learning.Theme(
                id: nil, title: PartnershipReport.Learning.withoutThemeTitle,
                points: counts[nil]?.points ?? 0, disputes: counts[nil]?.disputes ?? 0)
        )
    }

    /// The partnership's learning recorded in the period, of disputes matching the filters. The
    /// disputes are only read when there are filters: the learning's own index answers the rest.
    static func period(_ query: ReportQuery) -> SQLQueryString {
        let learning: SQLQueryString =
            "l.partnership_id = \(bind: query.partnership) AND l.recorded_on >= \(bind: query.from.iso)"
            + " AND l.recorded_on <= \(bind: query.to.iso)"
        guard query.agency != nil || query.category != nil else { return learning }
        return learning + " AND l.dispute_id IN (SELECT d.id FROM disputes d WHERE " + ReportQueries.filtered(query)
            + ")"
    }

    static func chosen(_ theme: ThemeChoice) -> SQLQueryString {
        switch theme {
        case .any: ""
        case .theme(let id):
            """
            AND EXISTS (SELECT 1 FROM learning_tags t WHERE t.dispute_id = l.dispute_id AND t.point_key = l.point_key \
            AND t.theme_id = \(bind: id))
            """
        case .none:
            """
            AND NOT EXISTS (SELECT 1 FROM learning_tags t WHERE t.dispute_id = l.dispute_id \
            AND t.point_key = l.point_key)
            """
        }
    }
}
