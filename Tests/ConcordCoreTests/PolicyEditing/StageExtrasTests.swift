import Testing

@testable import ConcordCore

/// Clocks and routes added through the editor are written as the format says and read back.
@Suite struct StageExtrasTests {
    static func draft() throws -> PolicyDraft {
        var draft = PolicyDraft.blank(id: "p", name: "P", partnership: "P", region: .englandAndWales)
        try draft.setStage(PolicyDraftTests.stage("talk", "Talk", "5 working days"), at: nil)
        return draft
    }

    @Test func clocksAndRoutesAreWrittenAndReadBack() throws {
        var draft = try Self.draft()
        try draft.setClock(
            ClockDraft(
                name: "The receiving agency speaks to you", kind: .respondWithin, by: .receiving,
                timescale: TimescalePhrase(amount: 3, unit: .workingDays), after: nil, letter: "", indicative: false,
                quote: ""), stage: 0, at: nil)
        try draft.setClock(
            ClockDraft(
                name: "Outcome letter", kind: .letterWithin, by: .receiving,
                timescale: TimescalePhrase(amount: 2, unit: .workingDays), after: "the-receiving-agency-speaks",
                letter: "Outcome letter", indicative: true, quote: ""), stage: 0, at: nil)
        try draft.setRoute(
            RouteDraft(
                name: "Urgent", when: "Where a child is at risk", timescale: TimescalePhrase(amount: 24, unit: .hours),
                quote: ""),
            stage: 0, at: nil)
        let policy = try PolicyReader.read(draft.yaml, file: "draft")
        let stage = policy.stages[0]
        #expect(stage.clocks.map(\.id) == ["the-receiving-agency-speaks", "outcome-letter"])
        #expect(stage.clocks[1].after == "the-receiving-agency-speaks" && stage.clocks[1].indicative)
        #expect(stage.clocks[1].letter == "Outcome letter")
        #expect(stage.routes.map(\.id) == ["urgent"] && stage.routes[0].timescale.unit == .hours)
        #expect(try draft.clocks(stage: 0).map(\.name) == ["The receiving agency speaks to you", "Outcome letter"])

        var changed = try draft.clocks(stage: 0)[0]
        changed.timescale = TimescalePhrase(amount: 48, unit: .hours)
        try draft.setClock(changed, stage: 0, at: 0)
        #expect(try PolicyReader.read(draft.yaml, file: "draft").stages[0].clocks[0].unit == .hours)
        #expect(try draft.clocks(stage: 0)[0].id == "the-receiving-agency-speaks", "its id is kept")
        try draft.removeClock(stage: 0, at: 1)
        try draft.removeRoute(stage: 0, at: 0)
        let after = try PolicyReader.read(draft.yaml, file: "draft").stages[0]
        #expect(after.clocks.count == 1 && after.routes.isEmpty)
    }
}
