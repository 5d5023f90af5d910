import ConcordCore
import ConcordStore
import DatabaseTestSupport
import Foundation
import Testing

/// `concord report` over `ChristmasReport`'s disputes: the figures worked out by hand there, in
/// JSON, CSV and a table, on both databases.
@Suite struct ReportCommandTests {
    static func withScenario(_ backend: Backend, _ body: (CLI, [String: String]) throws -> Void) async throws {
        let (url, remove) = try await backend.create()
        do {
            let database = try await ConcordDatabase.open(url)
            do {
                try await database.migrate()
                _ = try await ChristmasReport.seed(database)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            let text =
                switch url {
                case .sqlite(let path): "sqlite:\(path)"
                case .postgres(let text): text
                }
            try body(try CLI(), ["DATABASE_URL": text])
        } catch {
            try? await remove()
            throw error
        }
        try await remove()
    }

    static let period = [
        "--partnership", "christmas", "--from", "2026-12-01", "--to", "2027-01-31", "--on", "2027-01-13",
    ]

    @Test(arguments: Backend.allCases)
    func jsonHasTheFiguresWorkedOutByHand(_ backend: Backend) async throws {
        try await Self.withScenario(backend) { cli, environment in
            let result = try cli.run(
                arguments: ["report"] + Self.period + ["--format", "json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let report = try CLIOutput.object(result.stdout)
            #expect(report["raised"] as? Int == 5)
            #expect(
                report["ended"] as? [String: Int] == ["resolved": 2, "referred": 0, "withdrawn": 1, "open": 2])
            let stages = try #require(report["stages"] as? [[String: Any]])
            #expect(
                stages.map { $0["id"] as? String } == [
                    "team-manager", "head-of-service", "assistant-director", "partnership",
                ])
            let timed = stages[1]
            #expect(timed["title"] as? String == "Stage 2: Head of Service or agency equivalent")
            #expect(
                timed["entered"] as? Int == 4 && timed["within_timescale"] as? Int == 2 && timed["late"] as? Int == 1)
            #expect(timed["median_working_days"] as? Double == 5 && timed["p90_working_days"] as? Double == 7)
            #expect(timed["overdue_now"] as? Int == 1)
            let untimed = stages[0]
            #expect(untimed["entered"] as? Int == 5)
            for key in ["within_timescale", "late", "median_working_days", "p90_working_days"] {
                #expect(untimed[key] is NSNull, "\(key) is null where a stage has no timescale")
            }
        }
    }

    @Test func csvAndTableGiveTheSameFigures() async throws {
        try await Self.withScenario(.sqlite) { cli, environment in
            let csv = try cli.run(arguments: ["report"] + Self.period + ["--format", "csv"], environment: environment)
            #expect(csv.status == 0, "\(csv.stderr)")
            let records = csv.stdout.components(separatedBy: "\r\n")
            #expect(records.first == "\u{FEFF}Summary" && records.filter { $0.hasPrefix("\u{FEFF}") }.count == 1)
            #expect(records.contains("Stage 2: Head of Service or agency equivalent,4,2,1,5,7,3,1,1"))
            let table = try cli.run(arguments: ["report"] + Self.period, environment: environment)
            let line = try #require(CLIOutput.lines(table.stdout).first { $0.hasPrefix("Stage 2:") })
            #expect(line.split(separator: " ").suffix(8) == ["4", "2", "1", "5", "7", "3", "1", "1"])
            let published = try cli.run(
                arguments: ["report"] + Self.period + ["--format", "csv", "--publication"], environment: environment)
            let publishedRecords = published.stdout.components(separatedBy: "\r\n")
            #expect(publishedRecords.contains("Raised in the period,5"))
            #expect(publishedRecords.contains("Withdrawn,fewer than 5"))
        }
    }

    @Test func anUnknownPartnershipOrABackwardsPeriodIsRefusedByName() async throws {
        try await Self.withScenario(.sqlite) { cli, environment in
            let unknown = try cli.run(
                arguments: ["report", "--partnership", "nowhere", "--from", "2026-12-01", "--to", "2026-12-31"],
                environment: environment)
            #expect(unknown.status == 1 && unknown.stderr.contains("there is no partnership \"nowhere\""))
            let backwards = try cli.run(
                arguments: ["report", "--partnership", "christmas", "--from", "2026-12-31", "--to", "2026-12-01"],
                environment: environment)
            #expect(backwards.status == 2 && backwards.stderr.contains("--from 2026-12-31 is after --to 2026-12-01"))
            let long = try cli.run(
                arguments: ["report", "--partnership", "christmas", "--from", "2000-01-01", "--to", "2026-12-01"],
                environment: environment)
            #expect(long.status == 2 && long.stderr.contains("a report covers at most 10 years"))
        }
    }
}
