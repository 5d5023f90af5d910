import ArgumentParser
import ConcordCore
import Foundation

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "UK working-day arithmetic on the bank-holiday calendar of a region.",
        subcommands: [Add.self, Between.self, Holidays.self, Import.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The date N working days after a start date (the start is day zero).",
            discussion: """
                With --from left out, reads "DATE N" lines from standard input and prints one \
                date per line; every bad line is reported and nothing is printed.
                """)

        @Option(help: "england-and-wales, scotland or northern-ireland.") var region: Region
        @Option(help: "The start date, YYYY-MM-DD.") var from: LocalDate?
        @Option(parsing: .unconditional, help: "How many working days to add (negative counts back).")
        var days: Int?
        @Option(name: .customLong("closure"), help: "A partnership closure day (repeatable).")
        var closures: [LocalDate] = []

        func validate() throws {
            if from != nil && days == nil { throw ValidationError("--days is required with --from") }
            if from == nil && days != nil {
                throw ValidationError("--days needs --from; without --from dates are read from standard input")
            }
        }

        func run() throws {
            let calendar = try HolidaySource.calendar(region, closures: closures)
            if let from, let days {
                Console.print(try calendar.adding(workingDays: days, to: from).iso)
                return
            }
            var lines: [String] = []
            while let line = readLine() { lines.append(line) }
            for date in try BulkAdd.run(lines, calendar: calendar) { Console.print(date) }
        }
    }

    struct Between: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The working days d with FROM < d ≤ TO (negative when TO is before FROM).")

        @Option(help: "england-and-wales, scotland or northern-ireland.") var region: Region
        @Option(help: "YYYY-MM-DD") var from: LocalDate
        @Option(help: "YYYY-MM-DD") var to: LocalDate
        @Option(name: .customLong("closure"), help: "A partnership closure day (repeatable).")
        var closures: [LocalDate] = []

        func run() throws {
            let calendar = try HolidaySource.calendar(region, closures: closures)
            Console.print(String(try calendar.workingDays(from: from, to: to)))
        }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The bank holidays of a region in a year.")

        @Option(help: "england-and-wales, scotland or northern-ireland.") var region: Region
        @Option(help: "A year from 1995 to 2100.") var year: Int
        @OptionGroup var output: FormatOption

        func run() throws {
            guard BankHolidayRules.supportedYears.contains(year) else {
                throw InvalidInput("year \(year) is outside the calendar Concord knows (1995 to 2100)")
            }
            let table = try HolidaySource.current(.load())
            let holidays = table.holidays(region: region, year: year)
            let source = table.source(region: region, year: year) ?? .rules
            switch output.format {
            case .json:
                Console.print(
                    try JSONOutput.render(HolidayList(region: region, year: year, source: source, holidays: holidays)))
            case .table:
                var rows = Table("Date", "Day", "Holiday", "Notes")
                for holiday in holidays {
                    rows.add(holiday.date.iso, Self.weekdays[holiday.date.isoWeekday - 1], holiday.title, holiday.notes)
                }
                let from = source == .officialList ? "GOV.UK's official list" : "the bank-holiday rules"
                Console.print("Bank holidays in \(region.displayName), \(year) (from \(from))\n\n\(rows.render())")
            }
        }

        static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    }
}

private struct HolidayList: Encodable {
    let region: Region
    let year: Int
    let source: HolidayTable.Source
    let holidays: [BankHoliday]
}
