import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

struct DeadlinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines", abstract: "Sends deadline reminders and overdue notices.",
        subcommands: [Sweep.self])

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queues today's reminders and overdue notices, gathers daily digests, and sends what is due.",
            discussion: """
                For operators who prefer cron to the watch inside `concord serve` (set \
                CONCORD_DEADLINE_WATCH=off there). Each partnership is swept once a day however \
                often this runs, on this server or another; nothing is sent on a weekend, bank \
                holiday or closure day.
                """)

        @Option(
            help: "Sweep as on this earlier day (YYYY-MM-DD), to catch up after an outage; by default today.")
        var on: LocalDate?

        @OptionGroup var output: FormatOption

        func run() async throws {
            try await StoreAccess.with { database, configuration in
                let holidays = try HolidaySource.current(configuration)
                let runner = MailSetup.runner(
                    configuration, database: database, holidays: holidays, clock: SystemClock())
                let now = Date()
                var at = now
                if let on {
                    guard on <= LondonTime.date(of: now) else {
                        throw InvalidInput(
                            "--on \(on.iso) is in the future; a sweep cannot send tomorrow's notices today")
                    }
                    at = LondonTime.startOfDay(on).addingTimeInterval(12 * 3600)
                }
                let swept = try await runner.sweepNow(at: at)
                let delivered = try await runner.delivery.deliverDue()
                let counts = [
                    ("partnerships swept", "swept", swept.swept),
                    ("partnerships skipped (already swept today, or not a working day)", "skipped", swept.skipped),
                    ("disputes with a deadline due", "disputes", swept.disputes),
                    ("messages queued", "queued", swept.messages),
                    ("messages sent", "sent", delivered.sent),
                    ("messages to retry", "retrying", delivered.retrying),
                    ("messages failed", "failed", delivered.failed),
                ]
                switch output.format {
                case .json:
                    Console.print(
                        try JSONOutput.render(Dictionary(uniqueKeysWithValues: counts.map { ($0.1, $0.2) })))
                case .table:
                    var table = Table("", "count")
                    for (label, _, count) in counts { table.add(label, String(count)) }
                    Console.print(table.render())
                    Console.print(MailSetup.describe(configuration))
                }
            }
        }
    }
}
