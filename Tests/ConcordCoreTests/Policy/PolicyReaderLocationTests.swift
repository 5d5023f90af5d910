import Testing

@testable import ConcordCore

/// Where problems are reported: YAML syntax errors and duplicate keys carry Yams's location,
/// and a file with many problems reports all of them at once.
@Suite struct PolicyReaderLocationTests {
    /// Eight problems in one file, none of which hides another.
    static let manyProblems = """
        id: Test Policy
        name: Test Pathway
        partnership: [One, Two]
        region: england-and-wales
        scope: tactical
        stages:
          - id: first
            title: First stage
            summary: Talk it through.
            participants:
              - level: practitioner
                side: neutral
            timescale:
              working_days: 0
            colour: blue
          - id: second
            title: Second stage
            participants:
              - level: line-manager
            timescale:
              working_days: "5"
              calendar_days: 7

        """

    @Test func everyProblemIsReportedAtOnce() {
        let problems = PolicyFixture.problems(Self.manyProblems)
        let located = problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.field)" }
        #expect(
            Set(located) == [
                "1:5 id",  // "Test Policy" is not a valid id
                "3:14 partnership",  // a list where text is expected
                "5:8 scope",  // unknown scope
                "12:15 stages[0].participants[0].side",  // unknown side
                "14:21 stages[0].timescale.working_days",  // not positive
                "15:5 stages[0].colour",  // unknown key
                "16:5 stages[1].summary",  // missing, reported at the stage's mapping
                "21:7 stages[1].timescale",  // two units
            ], "\(DocumentProblems(problems))")
        #expect(problems.count == 8)
        #expect(problems.allSatisfy { $0.file == PolicyFixture.file })
    }

    @Test func descriptionListsOneProblemPerLine() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal(
                (old: "scope: practice", new: "scope: tactical"), (old: "working_days: 5", new: "working_days: 0")))
        let lines = DocumentProblems(problems).description.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.contains { $0.hasPrefix("test-policy.yaml:5:8: scope: unknown value \"tactical\"") })
        #expect(
            lines.last?.hasPrefix(
                "test-policy.yaml:13:21: stages[0].timescale.working_days: expected a positive whole number, found 0")
                == true)
    }

    @Test func problemWithoutALocationDescribesTheFile() {
        let problem = DocumentProblem(
            file: "x.yaml", line: nil, column: nil, field: "", message: "the document is empty")
        #expect(problem.description == "x.yaml: the document is empty")
        let placed = DocumentProblem(file: "x.yaml", line: 3, column: nil, field: "name", message: "missing")
        #expect(placed.description == "x.yaml:3: name: missing")
    }

    /// `name: Test: Pathway` has a second `: ` on line 2; libyaml stops at that colon, the
    /// eleventh character.
    @Test func syntaxErrorCarriesItsLocation() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "name: Test Pathway", new: "name: Test: Pathway")),
            field: "", line: 2, column: 11, mentioning: ["syntax error", "mapping values are not allowed"])
    }

    @Test func unclosedFlowListIsASyntaxError() {
        let problem = PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "name: Test Pathway", new: "name: [Test, Pathway")), field: "",
            mentioning: ["syntax error"])
        #expect((problem?.line ?? 0) >= 2)
    }

    @Test func badIndentationIsASyntaxError() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "    summary: Line managers meet.", new: "   summary: Line managers meet.")),
            field: "", line: 16, mentioning: ["syntax error"])
    }

    /// Yams reports a duplicate at the first occurrence of the key.
    @Test func duplicateTopLevelKey() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: practice\nname: Again")),
            field: "", line: 2, column: 1, mentioning: ["duplicate key \"name\""])
    }

    @Test func duplicateNestedKey() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      working_days: 6")),
            field: "", line: 13, column: 7, mentioning: ["duplicate key \"working_days\""])
    }

    @Test(arguments: ["", "# only a comment\n"])
    func emptyDocument(_ text: String) {
        let problems = PolicyFixture.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message == "the document is empty")
        #expect(problems.first?.file == PolicyFixture.file)
    }

    @Test func documentThatIsNotAMapping() {
        PolicyFixture.expectOneProblem(
            "- id: test-policy\n", field: "", line: 1, column: 1, mentioning: ["expected a mapping", "found a list"])
        PolicyFixture.expectOneProblem(
            "just words\n", field: "", line: 1, column: 1, mentioning: ["expected a mapping", "found \"just words\""])
    }
}
