import Testing

@testable import ConcordCore

/// Values the reader checks for itself: the vocabulary's words, ids and timescales. Line
/// numbers refer to the table on `PolicyFixture.minimal`.
@Suite struct PolicyReaderValueTests {
    private func quoted(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    @Test func unknownRegionListsTheRegions() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "region: england-and-wales", new: "region: wales")),
            field: "region", line: 4, column: 9,
            mentioning: ["unknown value \"wales\"", quoted(Region.allCases.map(\.rawValue))])
    }

    @Test func unknownScopeListsTheScopes() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: tactical")),
            field: "scope", line: 5, column: 8,
            mentioning: ["unknown value \"tactical\"", "\"practice\", \"strategic\""])
    }

    @Test func unknownLevelListsTheLevels() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "level: practitioner", new: "level: social-worker")),
            field: "stages[0].participants[0].level", line: 11, column: 16,
            mentioning: ["unknown value \"social-worker\"", quoted(RoleLevel.allCases.map(\.rawValue))])
    }

    @Test func unknownRecordKindListsTheKinds() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (old: "    timescale: none", new: "    timescale: none\n    records: [outcome, minutes]")),
            field: "stages[1].records[1]", line: 20, column: 24,
            mentioning: ["unknown value \"minutes\"", quoted(RecordKind.allCases.map(\.rawValue))])
    }

    @Test func unknownRuleKindListsTheKinds() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "rules:\n  - kind: escalate\n    to: second"),
            field: "rules[0].kind", line: 21, column: 11,
            mentioning: [
                "unknown rule kind \"escalate\"",
                "\"risk-escalation\", \"significant-harm-notification\", \"required-participant\", \"review-consideration\"",
            ])
    }

    @Test func otherVocabularyIsCheckedToo() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "- level: practitioner", new: "- {level: practitioner, side: neutral}")),
            field: "stages[0].participants[0].side", line: 11, mentioning: [quoted(Side.allCases.map(\.rawValue))])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      from: referral")),
            field: "stages[0].timescale.from", line: 14, column: 13,
            mentioning: ["\"referral\"", quoted(Timescale.Anchor.allCases.map(\.rawValue))])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "external_routes: [{id: court, name: Court, kind: court}]"),
            field: "external_routes[0].kind", line: 20,
            mentioning: [quoted(ExternalRouteKind.allCases.map(\.rawValue))])
    }

    @Test(arguments: ["Oldham", "a b", "-oldham", "oldham-", "old_ham", "oldham!"])
    func invalidPolicyIds(_ id: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "id: test-policy", new: "id: \"\(id)\"")),
            field: "id", line: 1, column: 5, mentioning: ["\"\(id)\" is not a valid id", "lower-case letters"])
    }

    @Test func invalidStageAndFormIds() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "id: second", new: "id: Second Stage")),
            field: "stages[1].id", line: 14, column: 9, mentioning: ["\"Second Stage\" is not a valid id"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (old: "    timescale: none", new: "    timescale: none\n    forms: [{id: Form A, title: A}]")),
            field: "stages[1].forms[0].id", line: 20, mentioning: ["\"Form A\" is not a valid id"])
    }

    @Test func validIdsMayUseDigitsAndInnerHyphens() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal((old: "id: test-policy", new: "id: north-east-lincolnshire-2")))
        #expect(policy.id == "north-east-lincolnshire-2")
    }

    @Test(arguments: ["0", "-3"])
    func nonPositiveTimescales(_ amount: String) {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: \(amount)")),
            field: "stages[0].timescale.working_days", line: 13, column: 21,
            mentioning: ["expected a positive whole number, found \(amount)"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "overall:\n  months: \(amount)"),
            field: "overall.months", line: 21, column: 11, mentioning: ["positive"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "stage_limit: {calendar_days: \(amount)}"),
            field: "stage_limit.calendar_days", line: 20, column: 30, mentioning: ["positive"])
    }

    @Test func timescaleWithTwoUnits() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 5\n      calendar_days: 7")),
            field: "stages[0].timescale", line: 13, column: 7,
            mentioning: [
                "exactly one of working_days, calendar_days, months, hours or immediately",
                "found working_days and calendar_days",
            ])
    }

    @Test func timescaleWithNoUnit() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "from: stage-start")),
            field: "stages[0].timescale", line: 13, column: 7, mentioning: ["exactly one of", "found none of them"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "overall: {}"),
            field: "overall", line: 20, column: 10, mentioning: ["found none of them"])
    }

    @Test func noneIsOnlyForAStage() throws {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(appending: "stage_limit: none"),
            field: "stage_limit", line: 20, column: 14, mentioning: ["expected a mapping"])
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "timescale: none", new: "timescale: never")),
            field: "stages[1].timescale", line: 19, column: 16, mentioning: ["\"none\" or a mapping"])
    }

    @Test func contactMethodCannotBeBothExpectedAndDiscouraged() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal(
                (
                    old: "    timescale: none",
                    new: "    timescale: none\n    contact: {methods: [email], discouraged: [email]}"
                )),
            field: "stages[1].contact", line: 20, column: 14, mentioning: ["\"email\" is both expected and discouraged"]
        )
    }
}
