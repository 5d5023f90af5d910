import Foundation
import Testing

@testable import ConcordCore

/// Records a protocol names in its own words, such as a conference dissent procedure's "the
/// precise nature of the dissent": written at the stage, and required before leaving it.
@Suite struct CustomRecordTests {
    static let text = PolicyFixture.minimal(
        (
            old: "      working_days: 5\n",
            new: """
                  working_days: 5
                records:
                  - outcome
                  - id: nature-of-dissent
                    title: The precise nature of the dissent
                    quote: the precise nature of the dissent
                may_record:
                  - id: chair-response
                    title: The chair's response

            """
        ))

    static func engine() throws -> DisputeEngine {
        DisputeEngine(
            policy: try PolicyFixture.read(text), policyVersion: "v",
            calendar: WorkingCalendar(region: .englandAndWales))
    }

    @Test func aStageReadsRecordsInTheProtocolsWords() throws {
        let stage = try PolicyFixture.read(Self.text).stages[0]
        #expect(stage.records == [.outcome])
        #expect(stage.customRecords.map(\.id) == ["nature-of-dissent", "chair-response"])
        #expect(stage.customRecords.map(\.required) == [true, false])
    }

    @Test func aRecordCannotTakeTheNameOfOneOfConcordsOwn() {
        PolicyFixture.expectOneProblem(
            Self.text.replacingOccurrences(of: "id: chair-response", with: "id: outcome"),
            field: "stages[0].may_record[0].id", mentioning: ["one of Concord's own records"])
    }

    /// "the precise nature of the dissent" must be written before the stage is left.
    @Test func aRequiredRecordInTheProtocolsWordsIsWrittenBeforeLeaving() throws {
        var dispute = try DisputeHarness(engine: Self.engine(), Parties.raise(), on: ukDate("2026-12-21"))
        try dispute.run(.recordStageRecords(StageRecords(outcome: "Not agreed")))
        let escalate = DisputeCommand.escalate(reason: "Not agreed", evidence: nil, people: [Parties.councilManager])
        dispute.expectRefused(
            escalate, .customRecordsMissing(stage: "first", titles: ["The precise nature of the dissent"]),
            mentioning: ["record “The precise nature of the dissent”"])
        dispute.expectRefused(
            .recordStageRecords(StageRecords(custom: ["made-up": "x"])), .unknownRecord("made-up"))
        try dispute.run(
            .recordStageRecords(
                StageRecords(custom: [
                    "nature-of-dissent": " The plan was agreed without health's view ", "chair-response": " ",
                ])))
        #expect(
            dispute.state.currentStage.records.custom == [
                "nature-of-dissent": "The plan was agreed without health's view"
            ])
        try dispute.run(.recordStageRecords(StageRecords(custom: ["chair-response": "Noted"])))
        #expect(dispute.state.currentStage.records.custom?.count == 2, "later records add to earlier ones")
        try dispute.run(escalate)
        #expect(dispute.stageIDs == ["first", "second"])
        #expect(DisputeState.replay(dispute.history) == dispute.state)
    }
}
