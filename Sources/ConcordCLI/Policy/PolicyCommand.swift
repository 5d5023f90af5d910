import ArgumentParser
import ConcordCore
import Foundation

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Partnership dispute resolution policies: list, show, check and preview deadlines.",
        subcommands: [List.self, Show.self, Check.self, Timeline.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The built-in policies.")
        @OptionGroup var output: FormatOption

        func run() throws {
            let policies = PolicyLibrary.builtIns
            switch output.format {
            case .json:
                Console.print(try JSONOutput.render(policies.map(PolicySummary.init)))
            case .table:
                var table = Table("ID", "Partnership", "Region", "Scope", "Stages")
                for policy in policies {
                    table.add(
                        policy.id, policy.partnership, policy.region.rawValue, policy.scope.rawValue,
                        String(policy.stages.count))
                }
                Console.print(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everything a policy says, stage by stage.")
        @Argument(help: "A built-in policy id or a YAML policy file.") var policy: String
        @OptionGroup var output: FormatOption

        func run() throws {
            let policy = try PolicyArgument.resolve(policy)
            switch output.format {
            case .json: Console.print(try JSONOutput.render(policy))
            case .table: Console.print(PolicyDescription.text(policy))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check policy files strictly, reporting every problem with its line and column.")
        @Argument(help: "YAML policy files.") var files: [String]
        @Option(
            name: .customLong("source"),
            help: "The protocol's own text (UTF-8; repeatable): every quote must be in it word for word.")
        var sources: [String] = []

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one policy file to check") }
        }

        func run() throws {
            let texts = try sources.map { SourceText(name: $0, text: try PolicyArgument.text(of: $0)) }
            var failed = 0
            for file in files {
                do {
                    let policy = try PolicyArgument.read(file: file, sources: texts)
                    let stages = policy.stages.count == 1 ? "1 stage" : "\(policy.stages.count) stages"
                    let quotes = texts.isEmpty ? "" : "; every quote is word for word in the source"
                    Console.print("\(file): ok (\(policy.id), \(stages)\(quotes))")
                } catch let problems as DocumentProblems {
                    failed += 1
                    Console.error(problems.description)
                } catch let error as InvalidInput {
                    failed += 1
                    Console.error("error: \(error.message)")
                }
            }
            if failed > 0 {
                Console.error("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") failed the check")
                throw ExitCode(1)
            }
        }
    }
}

/// A policy named on the command line: a built-in id, or else a file path.
enum PolicyArgument {
    static func resolve(_ argument: String) throws -> Policy {
        if let policy = PolicyLibrary.builtIn(argument) { return policy }
        guard FileManager.default.fileExists(atPath: argument) else {
            throw InvalidInput(
                "\"\(argument)\" is neither a built-in policy (\(PolicyLibrary.builtInIDs.joined(separator: ", "))) nor a file"
            )
        }
        return try read(file: argument)
    }

    static func read(file: String, sources: [SourceText] = []) throws -> Policy {
        try PolicyReader.read(try text(of: file), file: file, sources: sources)
    }

    static func text(of file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else { throw InvalidInput("cannot read \(file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw InvalidInput("\(file) is not UTF-8 text") }
        return text
    }
}

private struct PolicySummary: Encodable {
    let id: String
    let name: String
    let partnership: String
    let region: Region
    let scope: Scope
    let stages: Int

    init(_ policy: Policy) {
        id = policy.id
        name = policy.name
        partnership = policy.partnership
        region = policy.region
        scope = policy.scope
        stages = policy.stages.count
    }
}
