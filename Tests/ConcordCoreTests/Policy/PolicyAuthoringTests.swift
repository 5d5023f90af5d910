import Testing

@testable import ConcordCore

/// What an author writing their own partnership's protocol is told: how to fix a syntax error,
/// which level the protocol's own title means, problems in the order of the file, and an
/// acknowledgement that cannot fall due before its stage. Line numbers refer to the table on
/// `PolicyFixture.minimal`.
@Suite struct PolicyAuthoringTests {
    @Test func anUnquotedColonSaysToQuoteTheValue() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal((old: "summary: Line managers meet.", new: "summary: Stage 2: line managers meet.")))
        #expect(problems.count == 1)
        let problem = try? #require(problems.first)
        #expect(problem?.line == 16)
        #expect(
            problem?.message.contains("must be quoted: put the whole value in double quotes") == true, "\(problems)")
    }

    @Test func aTabSaysToIndentWithSpaces() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal((old: "    title: Second stage", new: "\ttitle: Second stage")))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 15)
        #expect(problems.first?.message.contains("replace the tab on line 15 with spaces") == true, "\(problems)")
    }

    @Test(arguments: [
        ("Team Manager", "line-manager"), ("Service Manager", "senior-manager"), ("Head of Service", "head-of-service"),
        ("Designated Safeguarding Lead", "line-manager"), ("Detective Sergeant", "line-manager"),
        ("SLO", "senior-manager"), ("line-manger", "line-manager"), ("Business Manager", "partnership-business-office"),
    ])
    func aProtocolsOwnTitleForALevelGetsDidYouMean(_ typed: String, _ meant: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "- level: line-manager", new: "- level: \(typed)")),
            field: "stages[1].participants[0].level", line: 18, column: 16,
            mentioning: ["unknown value \"\(typed)\"", "did you mean \"\(meant)\"?", "expected one of"])
    }

    @Test func aMisspeltKeyGetsDidYouMean() {
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal((old: "    timescale: none", new: "    timescales: none")))
        #expect(problems.map(\.field) == ["stages[1].timescale", "stages[1].timescales"])
        #expect(problems.last?.line == 19)
        #expect(problems.last?.message.hasPrefix("unknown key; did you mean \"timescale\"? expected one of") == true)
    }

    @Test func nothingLikeAnyLevelGetsNoGuess() {
        let problem = PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "- level: line-manager", new: "- level: astronaut")),
            field: "stages[1].participants[0].level")
        #expect(problem?.message.contains("did you mean") == false)
    }

    /// Cross-references are checked after the stages are read; they are still listed where they
    /// stand in the file.
    @Test func problemsAreListedInLineOrder() {
        let text = PolicyFixture.minimal(
            (
                old: "scope: practice",
                new: "scope: practice\nacknowledgement:\n  stage: nowhere\n  timescale:\n    working_days: 2"
            ),
            (old: "- level: line-manager", new: "- level: boss"))
        let problems = PolicyFixture.problems(text)
        #expect(problems.map(\.field) == ["acknowledgement.stage", "stages[1].participants[0].level"], "\(problems)")
        #expect(problems.map(\.line) == [7, 22])
    }

    @Test(arguments: ["dispute-raised"])
    func anAcknowledgementCannotCountFromBeforeItsStage(_ from: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                appending: """
                    acknowledgement:
                      stage: second
                      timescale:
                        working_days: 2
                        from: \(from)
                    """),
            field: "acknowledgement.timescale.from", line: 24, column: 11,
            mentioning: ["could make it due before the stage starts"])
    }

    @Test(arguments: ["stage-start", "received-in-writing"])
    func anAcknowledgementCountsFromItsStage(_ from: String) throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                appending: """
                    acknowledgement:
                      stage: second
                      timescale:
                        working_days: 2
                        from: \(from)
                    """))
        #expect(policy.acknowledgement?.timescale.amount == 2)
    }
}
