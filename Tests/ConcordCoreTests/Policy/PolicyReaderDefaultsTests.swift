import Testing

@testable import ConcordCore

/// What the reader fills in when a policy leaves it out, and how it reads plain values.
@Suite struct PolicyReaderDefaultsTests {
    @Test func minimalPolicyTakesTheDefaults() throws {
        let policy = try PolicyFixture.read(PolicyFixture.minimal)
        #expect(policy.id == "test-policy")
        #expect(policy.region == .englandAndWales)
        #expect(policy.scope == .practice)
        #expect(policy.source == nil && policy.summary == nil)
        #expect(policy.stages.map(\.id) == ["first", "second"])
        #expect(policy.stages[0].participants == [Participant(level: .practitioner, side: .both)])
        #expect(policy.stages[0].timescale == Timescale(amount: 5, unit: .workingDays, from: .stageStart))
        #expect(policy.stages[1].timescale == nil)
        #expect(policy.stages[0].records.isEmpty && policy.stages[0].forms.isEmpty)
        #expect(policy.stages[0].contact == nil && policy.stages[0].meeting == nil)
        #expect(policy.acknowledgement == nil && policy.stageLimit == nil && policy.overall == nil)
        #expect(policy.rules.isEmpty && policy.externalRoutes.isEmpty)
    }

    @Test func timescaleAnchorsDefaultByWhereTheyAppear() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                appending: """
                    acknowledgement: {stage: second, timescale: {working_days: 2}}
                    stage_limit: {calendar_days: 20}
                    overall: {months: 3}
                    """))
        #expect(policy.stages[0].timescale?.from == .stageStart)
        #expect(policy.acknowledgement?.timescale.from == .stageStart)
        #expect(policy.stageLimit?.from == .stageStart)
        #expect(policy.overall?.from == .disputeRaised)
        #expect(policy.overall == Timescale(amount: 3, unit: .months, from: .disputeRaised))
    }

    @Test func meetingIsOptionalUnlessSaidOtherwise() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                (old: "    timescale: none", new: "    timescale: none\n    meeting: {name: Panel meeting}")))
        #expect(policy.stages[1].meeting == Meeting(name: "Panel meeting", required: false, templates: []))
    }

    @Test func flowStyleAndJSONReadTheSame() throws {
        let json = """
            {"id": "test-policy", "name": "Test Pathway", "partnership": "Test Safeguarding Partnership",
             "region": "england-and-wales", "scope": "practice",
             "stages": [
               {"id": "first", "title": "First stage", "summary": "Practitioners talk it through.",
                "participants": [{"level": "practitioner"}], "timescale": {"working_days": 5}},
               {"id": "second", "title": "Second stage", "summary": "Line managers meet.",
                "participants": [{"level": "line-manager"}], "timescale": "none"}]}
            """
        #expect(try PolicyFixture.read(json) == PolicyFixture.read(PolicyFixture.minimal))
    }

    @Test func valuesAreTrimmedAndPlainNumbersAreText() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                (old: "name: Test Pathway", new: "name: \"  Test Pathway  \""),
                (old: "title: First stage", new: "title: 2026")))
        #expect(policy.name == "Test Pathway")
        #expect(policy.stages[0].title == "2026")
    }

    @Test func datesAreNotPartOfAPolicyButTextStaysText() throws {
        // An unquoted date-like value is still read as the text the author typed.
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal((old: "title: First stage", new: "title: 2026-01-01")))
        #expect(policy.stages[0].title == "2026-01-01")
    }
}
