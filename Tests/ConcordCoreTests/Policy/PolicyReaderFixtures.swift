import Testing

@testable import ConcordCore

/// Small inline policies for the reader and timeline tests: one valid minimal policy, and
/// variants of it made by replacing one exact piece of text.
enum PolicyFixture {
    static let file = "test-policy.yaml"

    /// As small as the reader allows, with one timed and one untimed stage. Its lines, for the
    /// tests that check locations (columns count from 1):
    ///
    ///      1 id: test-policy              (value at column 5)
    ///      2 name: Test Pathway           (value at column 7)
    ///      3 partnership: …
    ///      4 region: england-and-wales    (value at column 9)
    ///      5 scope: practice              (value at column 8)
    ///      6 stages:
    ///      7   - id: first                (mapping and key at column 5, value at 9)
    ///      8     title: First stage
    ///      9     summary: …
    ///     10     participants:
    ///     11       - level: practitioner  (mapping at column 9, value at 16)
    ///     12     timescale:
    ///     13       working_days: 5        (mapping and key at column 7, value at 21)
    ///     14   - id: second               (mapping at column 5, value at 9)
    ///     15     title: Second stage
    ///     16     summary: …
    ///     17     participants:
    ///     18       - level: line-manager
    ///     19     timescale: none
    static let minimal = """
        id: test-policy
        name: Test Pathway
        partnership: Test Safeguarding Partnership
        region: england-and-wales
        scope: practice
        stages:
          - id: first
            title: First stage
            summary: Practitioners talk it through.
            participants:
              - level: practitioner
            timescale:
              working_days: 5
          - id: second
            title: Second stage
            summary: Line managers meet.
            participants:
              - level: line-manager
            timescale: none

        """

    /// The minimal policy with each `old` replaced by its `new`, in order. Records an issue
    /// unless `old` occurs exactly once, so a fixture typo cannot pass silently.
    static func minimal(
        _ replacements: (old: String, new: String)..., sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        var text = minimal
        for (old, new) in replacements {
            let count = text.components(separatedBy: old).count - 1
            if count != 1 {
                Issue.record("\"\(old)\" occurs \(count) times in the fixture", sourceLocation: sourceLocation)
            }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// The minimal policy with more top-level keys added at the end.
    static func minimal(appending extra: String) -> String {
        minimal + extra + "\n"
    }

    static func read(_ text: String) throws(DocumentProblems) -> Policy {
        try PolicyReader.read(text, file: file)
    }

    /// Every problem reading `text` reports; records an issue when it reads without any.
    static func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [DocumentProblem] {
        do {
            _ = try read(text)
            Issue.record("expected the policy to be rejected, but it was read", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    /// The one problem reading `text` reports, checked against what is given: the file always,
    /// the field exactly, the location when given, and each fragment of the message.
    @discardableResult
    static func expectOneProblem(
        _ text: String, field: String, line: Int? = nil, column: Int? = nil, mentioning fragments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DocumentProblem? {
        let problems = problems(text, sourceLocation: sourceLocation)
        guard problems.count == 1, let problem = problems.first else {
            Issue.record(
                "expected one problem, found \(problems.count):\n\(DocumentProblems(problems))",
                sourceLocation: sourceLocation)
            return nil
        }
        #expect(problem.file == file, sourceLocation: sourceLocation)
        #expect(problem.field == field, "\(problem)", sourceLocation: sourceLocation)
        if let line { #expect(problem.line == line, "\(problem)", sourceLocation: sourceLocation) }
        if let column { #expect(problem.column == column, "\(problem)", sourceLocation: sourceLocation) }
        #expect(problem.line != nil && problem.column != nil, "\(problem)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(problem.message.contains(fragment), "\(problem)", sourceLocation: sourceLocation)
        }
        return problem
    }
}
