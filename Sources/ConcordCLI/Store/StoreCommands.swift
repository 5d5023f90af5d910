import ArgumentParser
import ConcordStore
import Foundation

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or update the database schema (DATABASE_URL).")

    func run() async throws {
        try await StoreAccess.with(migrating: true) { _, configuration in
            Console.print("Migrations applied to \(configuration.databaseURL)")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check that nothing written has been changed.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the event hash chain and name every event edited, deleted, inserted or moved.",
            discussion: """
                Prints the head hash: keep it somewhere else (a ticket, an e-mail) and pass it \
                back with --expect-head to catch events cut off the end.
                """)

        @Option(help: "A head hash printed by an earlier run.") var expectHead: String?
        @OptionGroup var output: FormatOption

        func run() async throws {
            let report = try await StoreAccess.with { database, _ in
                try await ChainAudit.run(database, expectedHead: expectHead)
            }
            switch output.format {
            case .json:
                Console.print(
                    try JSONOutput.render(
                        AuditJSON(
                            events: report.count, headHash: report.headHash, intact: report.isIntact,
                            findings: report.findings.map(\.description))))
            case .table:
                var lines = ["Events checked: \(report.count)", "Head hash: \(report.headHash)"]
                lines += report.isIntact ? ["The chain is intact."] : report.findings.map { "BROKEN: \($0)" }
                Console.print(lines.joined(separator: "\n"))
            }
            if !report.isIntact { throw ExitCode(1) }
        }
    }
}

private struct AuditJSON: Encodable {
    let events: Int
    let headHash: String
    let intact: Bool
    let findings: [String]
}

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Maintain the database's projections.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Throw away the dispute list and rebuild it from the event log.")

        func run() async throws {
            let clock = ContinuousClock()
            var result: ProjectionRebuilder.Result?
            let elapsed = try await clock.measure {
                result = try await StoreAccess.with { database, _ in try await ProjectionRebuilder.rebuild(database) }
            }
            guard let result else { return }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            Console.print(
                "Rebuilt \(result.disputes) disputes from \(result.events) events in \(String(format: "%.2f", seconds)) s"
            )
        }
    }
}
