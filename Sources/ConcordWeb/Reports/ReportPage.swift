import ConcordCore

/// A report's tables and charts as the Reports page and the board report draw them.
struct ReportPage: Encodable {
    struct Cell: Encodable {
        var text: String
        var numeric: Bool
    }

    struct Header: Encodable {
        var text: String
        var numeric: Bool
    }

    struct Table: Encodable {
        var id: String
        var title: String
        var headers: [Header]
        /// The first cell of each row is its heading.
        var rows: [[Cell]]
        var hasRows: Bool
        var csvHref: String?
        /// SVG markup drawn by `ReportChart`, shown before the table.
        var chart: String?
    }

    struct Figure: Encodable {
        var number: String
        var label: String
    }

    var partnership: String
    var period: String
    var filters: String?
    var figures: [Figure]
    var tables: [Table]

    init(_ report: PartnershipReport, publication: Bool, charts: Bool, csvHref: ((String) -> String)?) {
        partnership = report.partnershipName
        period = "\(Formatting.date(report.from)) to \(Formatting.date(report.to))"
        let chosen = [report.agency.map { "with \($0)" }, report.category.map { "about “\($0.title)”" }]
            .compactMap { $0 }
        filters = chosen.isEmpty ? nil : "Only disputes " + chosen.joined(separator: " and ")
        let shown = publication ? report.tables.map(\.forPublication) : report.tables
        // The figures are the tables' own cells, so what publication hides there stays hidden.
        func cell(_ table: String, _ row: Int) -> String {
            shown.first { $0.id == table }.map { $0.rows[row][1].text(publication: publication) } ?? ""
        }
        figures = [
            Figure(number: cell("summary", 0), label: "raised"),
            Figure(number: cell("ended", 0), label: "resolved"),
            Figure(number: cell("ended", 3), label: "still open"),
            Figure(number: cell("summary", 2), label: "overdue now"),
        ]
        tables = shown.map { table in
            Table(
                id: table.id, title: table.title, headers: Self.headers(table),
                rows: table.rows.map { row in
                    row.map { cell in
                        if case .text(let text) = cell { return Cell(text: text, numeric: false) }
                        return Cell(text: cell.text(publication: publication), numeric: true)
                    }
                },
                hasRows: !table.rows.isEmpty, csvHref: csvHref?(table.id),
                chart: charts ? Self.chart(for: table.id, report)?.svg : nil)
        }
    }

    /// A column's heading is aligned as its figures are: right for counts and days, left for words.
    private static func headers(_ table: ReportTable) -> [Header] {
        table.headers.enumerated().map { column, text in
            let words = table.rows.allSatisfy { row in
                guard column < row.count, case .text = row[column] else { return false }
                return true
            }
            return Header(text: text, numeric: column > 0 && (table.rows.isEmpty || !words))
        }
    }

    private static func chart(for table: String, _ report: PartnershipReport) -> ReportChart? {
        switch table {
        case "months" where !report.months.isEmpty:
            return ReportChart(
                id: "chart-months", title: "Disputes raised and resolved, month by month",
                description: "A bar chart of the disputes raised and those resolved in each month of the period. "
                    + "The table after it gives each figure.",
                categories: report.months.map { PartnershipReport.monthName($0.month) },
                series: [
                    .init(name: "Raised", values: report.months.map(\.raised)),
                    .init(name: "Resolved", values: report.months.map(\.resolved)),
                ])
        case "stages" where report.stages.contains(where: { $0.timeliness.withinTimescale != nil }):
            let timed = report.stages.filter { $0.timeliness.withinTimescale != nil }
            return ReportChart(
                id: "chart-stages", title: "Stages finished within their timescale, and late",
                description: "A bar chart of each stage that has a timescale: how many disputes finished it "
                    + "within the timescale and how many late. The table after it gives each figure.",
                categories: timed.map(\.title),
                series: [
                    .init(name: "Within timescale", values: timed.map { $0.timeliness.withinTimescale ?? 0 }),
                    .init(name: "Late", values: timed.map { $0.timeliness.late ?? 0 }),
                ])
        default:
            return nil
        }
    }
}
