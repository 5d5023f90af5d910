import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

/// The partnership's report for a period, as the Reports page shows it: for the business
/// office's scripts and the board's papers.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A partnership's disputes over a period: how many, how they ended, and each stage's timeliness.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(help: "The partnership's short name (slug).") var partnership: String
    @Option(help: "The first day of the period (YYYY-MM-DD): disputes raised from this day.") var from: LocalDate
    @Option(help: "The last day of the period (YYYY-MM-DD), included.") var to: LocalDate
    @Option(help: "Only disputes with this category.") var category: DisputeCategory?
    @Option(help: "The day to judge what is overdue now (default: today in London).") var on: LocalDate?
    @Option(help: "table, json or csv (every table, each after its title).") var format: Format = .table
    @Flag(help: "Counts of 1 to 4 as \"fewer than 5\", for a published report (table and csv).")
    var publication = false

    func validate() throws {
        guard from <= to else { throw ValidationError("--from \(from.iso) is after --to \(to.iso)") }
        guard to < from.adding(months: 120) else {
            throw ValidationError("a report covers at most 10 years; --from \(from.iso) to --to \(to.iso) is longer")
        }
    }

    func run() async throws {
        let report = try await StoreAccess.with { database, configuration in
            guard let found = try await Directory(database).partnership(slug: partnership) else {
                throw InvalidInput("there is no partnership \"\(partnership)\"")
            }
            let query = ReportQuery(
                partnership: found.id, from: from, to: to, category: category, today: on ?? LondonTime.date(of: Date()))
            return try await PartnershipReports.report(
                database, query, holidays: try HolidaySource.current(configuration))
        }
        switch format {
        case .json:
            Console.print(TerminalText.json(String(decoding: try report.json(), as: UTF8.self)))
        case .csv:
            Console.csv(CSVWriter.csv(report.tables, publication: publication))
        case .table:
            Console.print("\(report.partnershipName): disputes raised \(from.iso) to \(to.iso)")
            for table in report.tables where !table.rows.isEmpty {
                var rendered = Table(table.headers)
                for row in table.rows { rendered.add(row.map { $0.text(publication: publication) }) }
                Console.print("\n\(table.title)\n\(rendered.render())")
            }
        }
    }
}

extension DisputeCategory: ExpressibleByArgument {}
