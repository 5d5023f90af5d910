import ArgumentParser
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

struct FormatOption: ParsableArguments {
    @Option(help: "Output as a human-readable table or as JSON for machines.")
    var format: OutputFormat = .table
}

enum JSONOutput {
    /// Sorted keys and pretty printing, so output is stable for diffs and scripts.
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return TerminalText.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
