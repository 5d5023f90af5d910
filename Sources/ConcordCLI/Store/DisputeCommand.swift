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
        @Flag(help: "Only open disputes past a deadline: the stage's, the acknowledgement's or the whole process's.")
        var overdue = false
        @Option(help: "The day to judge deadlines on (default: today in London).") var on: LocalDate?
        @OptionGroup var output: FormatOption

        func validate() throws {
            if overdue && status != nil { throw ValidationError("--overdue lists open disputes; leave out --status") }
        }

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
                    ? try await DisputeQueries.pastAnyDeadline(database, on: today)
                        .filter { partnershipID == nil || $0.partnershipID == partnershipID }
                    : try await DisputeQueries.list(database, status: status, partnership: partnershipID)
                return try disputes.map { try DisputeRow($0, partnerships: partnerships, today: today) }
            }
            switch output.format {
            case .json: Console.print(try JSONOutput.render(rows))
            case .table:
                var table = Table(
                    "Reference", "Partnership", "Status", "Stage", "Started", "Due", "Deadline", "Acknowledgement",
                    "Whole process")
                for row in rows {
                    table.add(
                        row.reference, row.partnership, row.status, row.stage, row.stageStartedOn, row.stageDue ?? "—",
                        row.deadline, row.acknowledgement, row.overall)
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
    let acknowledgementDue: String?
    let acknowledgedOn: String?
    let acknowledgement: String
    let overallDue: String?
    let overall: String
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
        acknowledgementDue = summary.acknowledgementDue
        acknowledgedOn = summary.acknowledgedOn
        overallDue = summary.overallDue
        raisedOn = summary.raisedOn
        version = summary.version
        let open = summary.status == DisputeStatus.open.rawValue
        func label(_ due: String?) throws -> String {
            guard open, let due, let calendar = partnership?.calendar else { return "—" }
            return try DeadlineStatus(due: LocalDate(iso: due), on: today, calendar: calendar).label
        }
        if open, let calendar = partnership?.calendar {
            deadline = try DeadlineStatus(
                due: summary.stageDue.flatMap { LocalDate(iso: $0) }, on: today, calendar: calendar
            )
            .label
        } else {
            deadline = "—"
        }
        if let given = summary.acknowledgedOn {
            acknowledgement = "given \(given)"
        } else {
            acknowledgement = try label(summary.acknowledgementDue)
        }
        overall = try label(summary.overallDue)
    }
}
