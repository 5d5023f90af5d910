import Foundation

/// One of a report's tables, as the page, the board report, the CSV and the command line all
/// show it, so they cannot disagree.
public struct ReportTable: Hashable, Sendable {
    public enum Cell: Hashable, Sendable {
        case text(String)
        /// A number of disputes: what "for publication" hides below 5.
        case count(Int)
        /// Working days; nil where there is nothing to measure.
        case days(Double?)
        /// A count left out of a published report, because with the column's total it would
        /// give away a count under 5 shown as "fewer than 5".
        case withheld

        /// `publication`: counts of 1 to 4 read "fewer than 5", so no small group of children
        /// can be picked out of a published report.
        public func text(publication: Bool = false) -> String {
            switch self {
            case .text(let text): text
            case .count(let count): publication && (1...4).contains(count) ? "fewer than 5" : String(count)
            case .days(let days?): days.rounded() == days ? String(Int(days)) : String(format: "%.1f", days)
            case .days(nil): "n/a"
            case .withheld: "not shown"
            }
        }

        var isSmall: Bool {
            if case .count(let count) = self { return (1...4).contains(count) }
            return false
        }
    }

    /// As published: where a column (but the summary's) has exactly one count under 5, the
    /// next smallest count is withheld too, so that neither can be worked out by taking the
    /// others from a total shown elsewhere. Learning by theme has no total: a point can have
    /// several themes.
    public var forPublication: ReportTable {
        guard id != "summary", id != "learning" else { return self }
        var table = self
        for column in headers.indices.dropFirst() {
            let cells = table.rows.indices.filter { column < table.rows[$0].count }
            guard cells.filter({ table.rows[$0][column].isSmall }).count == 1 else { continue }
            let others = cells.compactMap { row -> (row: Int, count: Int)? in
                guard case .count(let count) = table.rows[row][column], count >= 5 else { return nil }
                return (row, count)
            }
            if let smallest = others.min(by: { $0.count < $1.count }) { table.rows[smallest.row][column] = .withheld }
        }
        return table
    }

    /// Names its CSV file and its place on the page.
    public var id: String
    public var title: String
    public var headers: [String]
    public var rows: [[Cell]]

    public init(id: String, title: String, headers: [String], rows: [[Cell]]) {
        self.id = id
        self.title = title
        self.headers = headers
        self.rows = rows
    }
}

extension PartnershipReport {
    public var tables: [ReportTable] {
        [
            ReportTable(
                id: "summary", title: "Summary", headers: ["Figure", "Disputes"],
                rows: [
                    [.text("Raised in the period"), .count(raised)],
                    [.text("Significant harm reported"), .count(significantHarm)],
                    [.text("Overdue now, at any stage"), .count(stages.reduce(0) { $0 + $1.overdueNow })],
                ]),
            counts("raising-agency", "Raised by agency", "Raising agency", byRaisingAgency),
            counts("receiving-agency", "Raised with agency", "Receiving agency", byReceivingAgency),
            counts("category", "What they were about", "Category", byCategory),
            ReportTable(
                id: "ended", title: "How they ended", headers: ["Outcome", "Disputes"],
                rows: [
                    [.text("Resolved"), .count(ended.resolved)],
                    [.text("Referred onward"), .count(ended.referred)],
                    [.text("Withdrawn"), .count(ended.withdrawn)],
                    [.text("Still open"), .count(ended.open)],
                ]),
            counts("referred", "Referred onward, by route", "Route", referredByRoute),
            ReportTable(
                id: "stages", title: "Stages: how far they went and whether each kept to its timescale",
                headers: [
                    "Stage", "Entered", "Within timescale", "Late", "Median working days",
                    "90th percentile working days", "Furthest stage reached", "Resolved at this stage", "Overdue now",
                ],
                rows: stages.map { stage in
                    [.text(stage.title)] + Self.timelinessCells(stage.timeliness)
                        + [.count(stage.reached), .count(stage.resolvedHere), .count(stage.overdueNow)]
                }),
            ReportTable(
                id: "clocks", title: "Acknowledgement and the whole process",
                headers: [
                    "Timescale", "Due", "Within timescale", "Late", "Median working days",
                    "90th percentile working days",
                ],
                rows: [("Acknowledgement", acknowledgement), ("Whole process", wholeProcess)].compactMap {
                    name, clock in
                    clock.map { [.text(name)] + Self.timelinessCells($0) }
                }),
            ReportTable(
                id: "months", title: "Month by month", headers: ["Month", "Raised", "Resolved"],
                rows: months.map { [.text(Self.monthName($0.month)), .count($0.raised), .count($0.resolved)] }),
        ] + learningTables
    }

    private func counts(_ id: String, _ title: String, _ header: String, _ counts: [Count]) -> ReportTable {
        ReportTable(
            id: id, title: title, headers: [header, "Disputes"],
            rows: counts.map { [.text($0.label), .count($0.count)] })
    }

    static func timelinessCells(_ timeliness: Timeliness) -> [ReportTable.Cell] {
        [
            .count(timeliness.entered),
            timeliness.withinTimescale.map(ReportTable.Cell.count) ?? .text("no timescale"),
            timeliness.late.map(ReportTable.Cell.count) ?? .text("n/a"),
            .days(timeliness.medianWorkingDays), .days(timeliness.p90WorkingDays),
        ]
    }

    /// "December 2026" for "2026-12".
    public static func monthName(_ month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return month }
        return "\(LocalDate.monthNames[parts[1] - 1]) \(parts[0])"
    }
}
