import Testing

@testable import ConcordCore

/// Checks across fields: stage ids are unique, everything that names a stage names one the
/// policy has, and received-in-writing has an acknowledgement stage to be measured from.
/// Line numbers refer to the table on `PolicyFixture.minimal`; appended keys start at line 20.
@Suite struct PolicyReaderReferenceTests {
    /// A third stage, appended after the second, whose `id` value is at line 20, column 9.
    private static func thirdStage(id: String) -> (old: String, new: String) {
        (
            old: "    timescale: none\n",
            new: """
                timescale: none
              - id: \(id)
                title: Third stage
                summary: Directors meet.
                participants: [{level: director}]
                timescale: none

            """
        )
    }

    @Test func duplicateStageIds() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "id: second", new: "id: first")),
            field: "stages[1].id", line: 14, column: 9,
            mentioning: ["duplicate stage id \"first\"", "must be unique"])
    }

    /// The duplicate is the third stage in the file; the first is unreadable (its title is a
    /// list), which must not shift the reported index or location onto the second stage.
    @Test func duplicateStageIdIsPlacedAtItsOwnStageWhenAnEarlierStageIsInvalid() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal(
                (old: "title: First stage", new: "title: [First stage]"), Self.thirdStage(id: "second")))
        let located = problems.map { "\($0.field) \($0.line ?? 0):\($0.column ?? 0)" }
        #expect(located.sorted() == ["stages[0].title 8:12", "stages[2].id 20:9"], "\(DocumentProblems(problems))")
    }

    static let rulesNamingNowhere: [(rule: String, kind: String, key: String)] = [
        ("{kind: risk-escalation, to: nowhere}", "risk-escalation", "to"),
        (
            "{kind: required-participant, participant: independent-reviewing-officer, when: {child: [looked-after]}, before_leaving: nowhere}",
            "required-participant", "before_leaving"
        ),
        ("{kind: review-consideration, stage: nowhere, review: Rapid review}", "review-consideration", "stage"),
    ]

    @Test(arguments: rulesNamingNowhere)
    func rulesNamingAMissingStage(_ rule: String, _ kind: String, _ key: String) {
        let problems = PolicyFixture.problems(PolicyFixture.minimal(appending: "rules:\n  - \(rule)"))
        #expect(problems.count == 1, "\(DocumentProblems(problems))")
        for problem in problems {
            #expect(problem.file == PolicyFixture.file && problem.line == 21, "\(problem)")
            #expect(problem.field.hasPrefix("rules[0]"), "\(problem)")
            for fragment in ["\(kind) names stage \"nowhere\"", "does not have", "stages are \"first\", \"second\""] {
                #expect(problem.message.contains(fragment), "\(problem)")
            }
        }
    }

    /// The problem should name the key that holds the stage, as `acknowledgement.stage` does,
    /// and point at its value (line 22) rather than at the start of the rule (line 21).
    @Test(arguments: rulesNamingNowhere)
    func ruleNamingAMissingStageIsPlacedAtTheStageKey(_ rule: String, _ kind: String, _ key: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "rules:\n  - kind: \(kind)\n    \(key): nowhere" + extraRuleKeys(kind)),
            field: "rules[0].\(key)", line: 22, column: 7 + key.count, mentioning: ["\"nowhere\""])
    }

    /// The other required keys of a rule kind, on lines after the stage key.
    private func extraRuleKeys(_ kind: String) -> String {
        switch kind {
        case "required-participant":
            "\n    participant: independent-reviewing-officer\n    when: {category: [plan]}"
        case "review-consideration": "\n    review: Rapid review"
        default: ""
        }
    }

    @Test func ruleIndexIsNotShiftedByAnEarlierUnreadableRule() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal(appending: "rules:\n  - {kind: escalate}\n  - {kind: risk-escalation, to: nowhere}"))
        #expect(problems.count == 2, "\(DocumentProblems(problems))")
        #expect(problems.contains { $0.field == "rules[0].kind" && $0.line == 21 })
        #expect(
            problems.contains { $0.field.hasPrefix("rules[1]") && $0.line == 22 && $0.message.contains("\"nowhere\"") },
            "\(DocumentProblems(problems))")
    }

    @Test func significantHarmNotificationNamesNoStage() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(appending: "rules: [{kind: significant-harm-notification, notify: [line-manager]}]"))
        #expect(policy.rules.flatMap(\.stageReferences).isEmpty)
    }

    @Test func acknowledgementNamingAMissingStage() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "acknowledgement:\n  stage: third\n  timescale: {working_days: 2}"),
            field: "acknowledgement.stage", line: 21, column: 10,
            mentioning: ["names stage \"third\"", "does not have", "stages are \"first\", \"second\""])
    }

    @Test(arguments: [
        PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      from: received-in-writing")),
        PolicyFixture.minimal(appending: "overall: {months: 3, from: received-in-writing}"),
        PolicyFixture.minimal(appending: "stage_limit: {months: 1, from: received-in-writing}"),
    ])
    func receivedInWritingNeedsAnAcknowledgement(_ text: String) throws {
        let problems = PolicyFixture.problems(text)
        #expect(problems.count == 1, "\(DocumentProblems(problems))")
        let problem = try #require(problems.first)
        #expect(problem.file == PolicyFixture.file && problem.line != nil)
        #expect(problem.message.contains("received-in-writing") && problem.message.contains("acknowledgement"))
        // With an acknowledgement stage the same timescale is fine.
        _ = try PolicyFixture.read(text + "acknowledgement: {stage: first, timescale: {working_days: 2}}\n")
    }

    /// Like every other problem, it should name the field at fault and point at it, not at the
    /// top of the file.
    @Test func receivedInWritingWithoutAcknowledgementIsPlacedAtItsTimescale() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      from: received-in-writing")),
            field: "stages[0].timescale.from", line: 14, column: 13, mentioning: ["received-in-writing"])
    }

    /// Cross-field checks must still run when a top-level field is wrong, so that every
    /// problem is reported in one pass.
    @Test func referencesAreCheckedEvenWhenATopLevelFieldIsInvalid() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal(
                (old: "region: england-and-wales", new: "region: wales"), (old: "id: second", new: "id: first")))
        let fields = problems.map(\.field).sorted()
        #expect(fields == ["region", "stages[1].id"], "\(DocumentProblems(problems))")
    }
}
