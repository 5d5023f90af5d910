import ArgumentParser
import ConcordCore
import ConcordStore
import Foundation

public struct ConcordCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Runs safeguarding partnerships' dispute resolution protocols.",
        subcommands: [
            PolicyCommand.self, CalendarCommand.self, MigrateCommand.self, DisputeCommand.self, AuditCommand.self,
            StoreCommand.self, ServeCommand.self, SeedCommand.self, DeadlinesCommand.self, ReportCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping failures to the documented exit codes: 1 for invalid
    /// input (a bad policy file, a date outside the calendar), 2 for usage errors.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            fail(error)
        }
    }

    private static func fail(_ error: any Error) -> Never {
        switch error {
        case let problems as DocumentProblems:
            Console.error(problems.description)
            Console.error("\(problems.problems.count) problem\(problems.problems.count == 1 ? "" : "s") found")
        case let problem as DocumentProblem:
            Console.error(problem.description)
        case let error as InvalidInput:
            Console.error("error: \(error.message)")
        case let error as CalendarError:
            Console.error("error: \(error)")
        case let error as ConfigurationError:
            Console.error(error.description)
        case let error as StoreError:
            Console.error("error: \(error)")
        default:
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(2)
        }
        Foundation.exit(1)
    }
}

/// Input that is well formed as a command line but wrong in content.
struct InvalidInput: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
