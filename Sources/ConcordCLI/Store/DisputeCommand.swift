import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

struct DisputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute", abstract: "Look at disputes, for operators.", subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disputes with their current stage and deadline.")

        @Option(help: "open, resolved, referred, withdrawn or closed.") var status: DisputeStatus?
        @Option(help: "A partnership's short name (slug).") var partnership: String?
        @Flag(help: "Only open disputes whose current stage is overdue.") var overdue = false
        @Option(help: "The day to judge deadlines on (default: today in London).") var on: LocalDate?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let today = on ?? LondonTime.date(of: Date())
            let rows = try await StoreAccess.with { database, configuration in
                let partnerships = try await PartnershipCalendars.load(database, configuration)
                var partnershipID: UUID?
                if let partnership {
                    guard let found = partnerships.values.first(where: { $0.slug == partnership }) else {
                        throw InvalidInput("there is no partnership \"\(partnership)\"")
                    }
                    partnershipID = found.id
                }
                let disputes =
                    overdue
                    ? try await DisputeQueries.overdue(database, on: today)
                        .filter { partnershipID == nil || $0.partnershipID == partnershipID }
                    : try await DisputeQueries.list(database, status: status, partnership: partnershipID)
                return try disputes.map { try DisputeRow($0, partnerships: partnerships, today: today) }
            }
            switch output.format {
            case .json: Console.print(try JSONOutput.render(rows))
            case .table:
                var table = Table("Reference", "Partnership", "Status", "Stage", "Started", "Due", "Deadline")
                for row in rows {
                    table.add(
                        row.reference, row.partnership, row.status, row.stage, row.stageStartedOn, row.stageDue ?? "—",
                        row.deadline)
                }
                Console.print(rows.isEmpty ? "No disputes." : table.render())
            }
        }
    }
}

extension DisputeStatus: ExpressibleByArgument {}

/// Each partnership's slug and working calendar, for judging deadlines.
struct PartnershipCalendars {
    let id: UUID
    let slug: String
    let calendar: WorkingCalendar

    static func load(
        _ database: ConcordDatabase, _ configuration: ConcordConfiguration
    ) async throws
        -> [UUID: PartnershipCalendars]
    {
        let holidays = try HolidaySource.current(configuration)
        var result: [UUID: PartnershipCalendars] = [:]
        for partnership in try await Directory(database).partnerships() {
            result[partnership.id] = PartnershipCalendars(
                id: partnership.id, slug: partnership.slug,
                calendar: WorkingCalendar(
                    region: partnership.region, holidays: holidays, closureDays: partnership.closureDays))
        }
        return result
    }
}

private struct DisputeRow: Encodable {
    let reference: String
    let partnership: String
    let policy: String
    let status: String
    let category: String
    let stage: String
    let stageStartedOn: String
    let stageDue: String?
    let deadline: String
    let raisedOn: String
    let version: Int

    init(_ summary: DisputeSummary, partnerships: [UUID: PartnershipCalendars], today: LocalDate) throws {
        let partnership = partnerships[summary.partnershipID]
        reference = summary.reference
        self.partnership = partnership?.slug ?? summary.partnershipID.uuidString
        policy = summary.policyID
        status = summary.status
        category = summary.category
        stage = summary.currentStage
        stageStartedOn = summary.stageStartedOn
        stageDue = summary.stageDue
        raisedOn = summary.raisedOn
        version = summary.version
        if summary.status != DisputeStatus.open.rawValue {
            deadline = "—"
        } else if let calendar = partnership?.calendar {
            deadline = try DeadlineStatus(
                due: summary.stageDue.flatMap { LocalDate(iso: $0) }, on: today, calendar: calendar
            )
            .label
        } else {
            deadline = "unknown partnership"
        }
    }
}
