import ArgumentParser
import ConcordCore
import Foundation

extension CalendarCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a newer GOV.UK bank-holidays JSON file take effect for later runs.",
            discussion: """
                Download https://www.gov.uk/bank-holidays.json when a holiday is proclaimed and \
                import it here. For the years it covers it overrides the bundled list and the \
                rules; it is checked strictly and nothing changes if it has any problem.
                """)

        @Argument(help: "A file in GOV.UK's bank-holidays JSON format.") var file: String

        func run() throws {
            let configuration = try ConcordConfiguration.load()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InvalidInput("cannot read \(file)")
            }
            let list = try GovUKBankHolidays.read(data, file: file)
            // A damaged earlier import must not stop a good one from replacing it.
            let before = (try? HolidaySource.current(configuration)) ?? .standard
            let after = HolidayTable.standard.overridden(by: list)
            try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
            try data.write(to: configuration.importedHolidaysFile, options: .atomic)

            var lines: [String] = []
            for region in Region.allCases {
                let years = list.coveredYears(region).sorted()
                guard let first = years.first, let last = years.last else { continue }
                lines.append("\(region.displayName): \(list.holidays[region]?.count ?? 0) holidays, \(first)–\(last)")
                let old = Set(before.holidays(region: region)), new = Set(after.holidays(region: region))
                for holiday in new.subtracting(old).sorted(by: { $0.date < $1.date }) {
                    lines.append("  + \(holiday.date) \(holiday.title)")
                }
                for holiday in old.subtracting(new).sorted(by: { $0.date < $1.date }) {
                    lines.append("  - \(holiday.date) \(holiday.title)")
                }
            }
            lines.append("Imported to \(configuration.importedHolidaysFile.path); it takes effect from the next run.")
            Console.print(lines.joined(separator: "\n"))
        }
    }
}
