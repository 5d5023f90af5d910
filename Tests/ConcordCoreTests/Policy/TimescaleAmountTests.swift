import Foundation
import Testing

@testable import ConcordCore

/// Timescales in the protocols' own words: "within 48 hours (2 working days)" and
/// "immediately", counted on the England and Wales calendar over Christmas 2026 (Christmas Day
/// on a Friday, Boxing Day on a Saturday, so Monday 28 December is the substitute bank holiday).
@Suite struct TimescaleAmountTests {
    private let england = WorkingCalendar(region: .englandAndWales)

    private func due(_ amount: Int, _ unit: Timescale.Unit, from iso: String) throws -> String {
        try Timescale(amount: amount, unit: unit, from: .stageStart).due(from: ukDate(iso), in: england).iso
    }

    /// Flowchart: "within 48 hours (2 working days)".
    @Test func fortyEightHoursIsTwoWorkingDays() throws {
        #expect(try due(48, .hours, from: "2026-12-04") == "2026-12-08")
        #expect(try due(48, .hours, from: "2026-12-23") == "2026-12-29")
        #expect(try due(48, .hours, from: "2026-12-04") == due(2, .workingDays, from: "2026-12-04"))
    }

    @Test func aPartDayCountsAsTheWholeWorkingDay() throws {
        #expect(try due(36, .hours, from: "2026-12-04") == "2026-12-08")
        #expect(try due(24, .hours, from: "2026-12-04") == "2026-12-07")
        #expect(try due(4, .hours, from: "2026-12-04") == "2026-12-07")
        #expect(Timescale.workingDays(inHours: 25) == 2)
    }

    @Test func immediatelyIsTheSameWorkingDay() throws {
        #expect(try due(0, .immediately, from: "2026-12-22") == "2026-12-22")
        #expect(try due(0, .immediately, from: "2026-12-25") == "2026-12-29")
        #expect(try due(0, .immediately, from: "2026-12-26") == "2026-12-29")
    }

    @Test func theyReadAndSayWhatTheyMean() throws {
        let policy = try PolicyTimelineTests.policy([
            "a": "{hours: 48, quote: within 48 hours}", "b": "{immediately: true}",
        ])
        #expect(
            policy.stages[0].timescale
                == Timescale(amount: 48, unit: .hours, from: .stageStart, quote: "within 48 hours"))
        #expect(policy.stages[0].timescale?.phrase == "48 hours (2 working days)")
        #expect(policy.stages[1].timescale?.unit == .immediately)
        #expect(
            policy.stages[1].timescale?.description == "immediately (the same working day) from the start of the stage")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-12-23"), calendar: england)
        #expect(timeline.entries.map { $0.due?.iso } == ["2026-12-29", "2026-12-29"])
        let json = String(decoding: try JSONEncoder().encode(policy.stages[1].timescale), as: UTF8.self)
        #expect(json.contains("\"immediately\":true"))
    }

    @Test func noughtDaysSaysToWriteImmediately() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "working_days: 0")),
            field: "stages[0].timescale.working_days", line: 13, column: 21,
            mentioning: ["found 0", "write immediately: true"])
    }

    @Test func immediatelyIsTrueOrLeftOut() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "immediately: false")),
            field: "stages[0].timescale.immediately", line: 13, mentioning: ["write immediately: true, or leave it out"]
        )
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "working_days: 5", new: "immediately: 3")),
            field: "stages[0].timescale.immediately", line: 13, mentioning: ["expected true or false"])
    }
}
