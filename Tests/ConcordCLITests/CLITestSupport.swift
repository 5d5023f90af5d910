import Foundation
import Testing

/// Small helpers shared by the command-line suites.
enum CLIOutput {
    /// Parses standard output as a JSON object.
    static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(
            value as? [String: Any], "expected a JSON object, got \(text)", sourceLocation: sourceLocation)
    }

    /// Parses standard output as a JSON array of objects.
    static func objects(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(
            value as? [[String: Any]], "expected a JSON array of objects, got \(text)", sourceLocation: sourceLocation)
    }

    /// A JSON value that is either a string or null: nil for null, the string otherwise.
    static func optionalString(_ value: Any?) -> String?? {
        switch value {
        case is NSNull: return .some(nil)
        case let text as String: return .some(text)
        default: return nil
        }
    }

    /// The lines of an output (without the final newline's empty line), each without the
    /// trailing spaces that pad a table's empty last column.
    static func lines(_ text: String) -> [String] {
        let text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }

    /// Standard error split into lines.
    static func stderrLines(_ result: CLI.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init)
    }
}

/// A small valid policy in Scotland, so that its timeline is counted on Scotland's holidays
/// (2 January 2027 is a Saturday, so Monday 4 January is its substitute there).
let scottishPolicyYAML = """
    id: test-partnership
    name: Test Protocol
    partnership: Test Safeguarding Children Partnership
    region: scotland
    scope: practice
    stage_limit:
      working_days: 3
    overall:
      calendar_days: 20
    stages:
      - id: talk
        title: Talk it through
        summary: The practitioners talk.
        participants:
          - level: practitioner
        timescale:
          working_days: 2
        confirmation_subject: Test subject line
      - id: managers
        title: Managers meet
        summary: The managers meet.
        participants:
          - level: line-manager
            side: both
        timescale: none
      - id: directors
        title: Directors decide
        summary: The directors decide.
        participants:
          - level: director
        timescale: none

    """
