import Testing

@testable import ConcordCore

/// Strictness, one problem at a time: each variant of the minimal policy is rejected with a
/// single problem naming the field and what was expected. Line numbers refer to the table on
/// `PolicyFixture.minimal`.
@Suite struct PolicyReaderErrorTests {
    @Test func unknownKeysAreRejectedWithTheKeysAllowed() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: practice\ncolour: blue")),
            field: "colour", line: 6, column: 1,
            mentioning: ["unknown key", "\"id\"", "\"stages\"", "\"external_routes\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      within: a week")),
            field: "stages[0].timescale.within", line: 14, column: 7,
            mentioning: ["unknown key", "\"working_days\"", "\"calendar_days\"", "\"months\"", "\"from\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "- level: line-manager", new: "- level: line-manager\n        role: chair")),
            field: "stages[1].participants[0].role", line: 19, column: 9, mentioning: ["unknown key", "\"side\""])
    }

    @Test(arguments: [
        "id: test-policy\n", "name: Test Pathway\n", "partnership: Test Safeguarding Partnership\n",
        "region: england-and-wales\n", "scope: practice\n",
    ])
    func missingTopLevelFieldsAreReportedAtTheDocument(_ line: String) {
        let key = String(line.prefix { $0 != ":" })
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: line, new: "")), field: key, line: 1, column: 1,
            mentioning: ["missing", "required"])
    }

    @Test(arguments: [
        ("    title: Second stage\n", "title"), ("    summary: Line managers meet.\n", "summary"),
        ("    timescale: none\n", "timescale"),
        ("    participants:\n      - level: line-manager\n", "participants"),
    ])
    func missingStageFieldsAreReportedAtTheStage(_ line: String, _ key: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: line, new: "")), field: "stages[1].\(key)", line: 14, column: 5,
            mentioning: ["missing", "required"])
    }

    @Test func missingStagesListIsReported() {
        let text = PolicyFixture.minimal.components(separatedBy: "stages:")[0]
        PolicyFixture.expectOneProblem(text, field: "stages", line: 1, column: 1, mentioning: ["missing"])
    }

    @Test func missingNestedFieldsAreReported() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "- level: practitioner", new: "- side: raising")),
            field: "stages[0].participants[0].level", line: 11, column: 9, mentioning: ["missing"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "acknowledgement: {stage: second}"),
            field: "acknowledgement.timescale", line: 20, mentioning: ["missing"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "rules:\n  - kind: risk-escalation"),
            field: "rules[0].to", line: 21, column: 5, mentioning: ["missing"])
    }

    @Test func aListWhereTextIsExpected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "name: Test Pathway", new: "name: [Test, Pathway]")),
            field: "name", line: 2, column: 7, mentioning: ["expected text", "found a list"])
    }

    @Test func nothingWhereTextIsExpected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "title: First stage", new: "title:")),
            field: "stages[0].title", line: 8, mentioning: ["expected text", "found nothing"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "title: First stage", new: "title: \"  \"")),
            field: "stages[0].title", line: 8, column: 12, mentioning: ["expected text", "empty"])
    }

    @Test func textWhereANumberIsExpected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: five")),
            field: "stages[0].timescale.working_days", line: 13, column: 21,
            mentioning: ["expected a whole number", "\"five\""])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 2.5")),
            field: "stages[0].timescale.working_days", line: 13, column: 21, mentioning: ["whole number"])
    }

    /// A quoted "5" is text, not a number: the reader does not guess.
    @Test func quotedNumberIsNotANumber() throws {
        let problem = try #require(
            PolicyFixture.expectOneProblem(
                PolicyFixture.minimal((old: "working_days: 5", new: "working_days: \"5\"")),
                field: "stages[0].timescale.working_days", line: 13, column: 21))
        #expect(
            problem.description
                == "test-policy.yaml:13:21: stages[0].timescale.working_days: expected a whole number, found \"5\"")
    }

    @Test func aMappingWhereAListIsExpected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "  - level: practitioner", new: "    level: practitioner")),
            field: "stages[0].participants", line: 11, column: 9, mentioning: ["expected a list", "found a mapping"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "rules: {kind: risk-escalation, to: second}"),
            field: "rules", line: 20, column: 8, mentioning: ["expected a list", "found a mapping"])
    }

    @Test func textWhereAMappingIsExpected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "timescale:\n      working_days: 5", new: "timescale: 5 working days")),
            field: "stages[0].timescale", line: 12, column: 16, mentioning: ["\"none\" or a mapping", "working_days"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "overall: none"),
            field: "overall", line: 20, column: 10, mentioning: ["expected a mapping"])
    }

    @Test func anEmptyListIsRejected() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "    timescale: none", new: "    timescale: none\n    records: []")),
            field: "stages[1].records", line: 20, column: 14, mentioning: ["at least one"])
    }

    @Test func booleansMustBeTrueOrFalse() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (old: "    timescale: none", new: "    timescale: none\n    meeting: {name: Panel, required: \"yes\"}")),
            field: "stages[1].meeting.required", mentioning: ["true or false"])
    }
}
