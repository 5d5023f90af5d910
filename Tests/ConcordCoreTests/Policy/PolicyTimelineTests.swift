import Testing

@testable import ConcordCore

/// The outer envelope of a dispute on inline England and Wales policies. Dates used below:
/// Monday 2 March 2026 is an ordinary week; Easter 2026 has Good Friday on 3 April and Easter
/// Monday on 6 April; Christmas Day 2026 is a Friday, Boxing Day is substituted on Monday 28
/// December, and New Year's Day 2027 is a Friday.
@Suite struct PolicyTimelineTests {
    private let england = WorkingCalendar(region: .englandAndWales)

    /// A policy whose stages are named by id with their timescale in flow style (or `none`),
    /// plus any further top-level keys.
    static func policy(_ stages: KeyValuePairs<String, String>, _ extra: String = "") throws -> Policy {
        var text = """
            id: timeline
            name: Timeline
            partnership: Timeline Partnership
            region: england-and-wales
            scope: practice
            stages:

            """
        for (id, timescale) in stages {
            text += "  - {id: \(id), title: \(id), summary: \(id), participants: [{level: director}], "
            text += "timescale: \(timescale)}\n"
        }
        return try PolicyFixture.read(text + extra + "\n")
    }

    /// Each entry as `id starts due`, with `-` for no due date.
    private func rows(_ timeline: PolicyTimeline) -> [String] {
        timeline.entries.map { "\($0.stage.id) \($0.starts.iso) \($0.due?.iso ?? "-")" }
    }

    @Test func eachStageStartsWhenThePreviousFallsDue() throws {
        let policy = try Self.policy([
            "a": "{working_days: 5}", "b": "{calendar_days: 10}", "c": "{months: 1}", "d": "none",
            "e": "{working_days: 3}",
        ])
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(timeline.start == ukDate("2026-03-02"))
        #expect(
            rows(timeline) == [
                "a 2026-03-02 2026-03-09",  // Tue 3 … Fri 6 are four, Monday 9 the fifth
                "b 2026-03-09 2026-03-19",
                // A month from 19 March is Sunday 19 April, so it runs to Monday 20.
                "c 2026-03-19 2026-04-20",
                // No timescale: the next stage starts the same day, so its three working days
                // are Tuesday 21 to Thursday 23.
                "d 2026-04-20 -",
                "e 2026-04-20 2026-04-23",
            ])
        #expect(timeline.stagesWithoutTimescale.map(\.id) == ["d"])
        #expect(timeline.entries.map(\.timescale) == policy.stages.map(\.timescale))
        #expect(timeline.entries.allSatisfy { !$0.fromStageLimit })
        #expect(timeline.acknowledgementDue == nil && timeline.overallDue == nil)
    }

    @Test func workingDaysSkipEaster() throws {
        let policy = try Self.policy(["a": "{working_days: 3}", "b": "{working_days: 1}"])
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-04-01"), calendar: england)
        // From Wednesday 1 April: Thursday 2, then Good Friday, the weekend and Easter Monday
        // are skipped, so Tuesday 7 and Wednesday 8.
        #expect(rows(timeline) == ["a 2026-04-01 2026-04-08", "b 2026-04-08 2026-04-09"])
    }

    @Test func monthsKeepTheDayOrTheMonthsLast() throws {
        let policy = try Self.policy(["a": "{months: 1}", "b": "{months: 1}", "c": "{calendar_days: 1}"])
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-01-31"), calendar: england)
        // 31 January + 1 month is the last of February, Saturday 28, so it runs to Monday
        // 2 March; a month from there is Thursday 2 April.
        #expect(
            rows(timeline) == ["a 2026-01-31 2026-03-02", "b 2026-03-02 2026-04-02", "c 2026-04-02 2026-04-03"])
    }

    @Test func disputeRaisedAnchorsToTheRaisedDate() throws {
        let policy = try Self.policy([
            "a": "{working_days: 10}", "b": "{calendar_days: 20, from: dispute-raised}",
            "c": "{working_days: 5, from: dispute-raised}", "d": "{calendar_days: 1}",
        ])
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(
            rows(timeline) == [
                "a 2026-03-02 2026-03-16",
                "b 2026-03-16 2026-03-22",  // 2 March + 20 days
                // Due on 9 March, before it starts: the next stage does not go back in time.
                "c 2026-03-22 2026-03-09",
                "d 2026-03-22 2026-03-23",
            ])
    }

    @Test func receivedInWritingIsTheStartOfTheAcknowledgementStage() throws {
        let policy = try Self.policy(
            [
                "a": "{working_days: 5}", "b": "{working_days: 10}",
                "c": "{calendar_days: 28, from: received-in-writing}",
            ],
            "acknowledgement: {stage: b, timescale: {working_days: 2}}")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(
            rows(timeline) == [
                "a 2026-03-02 2026-03-09", "b 2026-03-09 2026-03-23",
                "c 2026-03-23 2026-04-06",  // 9 March, when b starts, + 28 days
            ])
        #expect(timeline.acknowledgementDue == ukDate("2026-03-11"))
        #expect(timeline.overallDue == nil)
    }

    @Test func acknowledgementOnTheFirstStageRunsFromTheRaisedDate() throws {
        let policy = try Self.policy(
            ["a": "{working_days: 5, from: received-in-writing}"],
            "acknowledgement: {stage: a, timescale: {calendar_days: 3}}")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-12-21"), calendar: england)
        #expect(rows(timeline) == ["a 2026-12-21 2026-12-30"])
        #expect(timeline.acknowledgementDue == ukDate("2026-12-24"))
    }

    /// An acknowledgement counts from its own stage: two working days from b's start on Monday
    /// 9 March. Counting it from the raising (Wednesday 4 March) would make it due before b starts,
    /// so the reader refuses that.
    @Test func acknowledgementCountsFromItsStage() throws {
        let policy = try Self.policy(
            ["a": "{working_days: 5}", "b": "{working_days: 10}"],
            "acknowledgement: {stage: b, timescale: {working_days: 2, from: received-in-writing}}")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(timeline.acknowledgementDue == ukDate("2026-03-11"))
        #expect(throws: DocumentProblems.self) {
            try Self.policy(
                ["a": "{working_days: 5}", "b": "{working_days: 10}"],
                "acknowledgement: {stage: b, timescale: {working_days: 2, from: dispute-raised}}")
        }
    }

    @Test func overallRunsFromTheRaisedDateByDefault() throws {
        let stages: KeyValuePairs = ["a": "{working_days: 5}", "b": "{working_days: 10}"]
        let acknowledgement = "acknowledgement: {stage: b, timescale: {working_days: 2}}\n"
        let raised = ukDate("2026-03-02")
        let plain = try Self.policy(stages, acknowledgement + "overall: {months: 2}")
        #expect(try PolicyTimeline(policy: plain, raised: raised, calendar: england).overallDue == ukDate("2026-05-05"))
        let fromReceipt = try Self.policy(stages, acknowledgement + "overall: {months: 2, from: received-in-writing}")
        #expect(
            try PolicyTimeline(policy: fromReceipt, raised: raised, calendar: england).overallDue
                == ukDate("2026-05-11"))
        let inDays = try Self.policy(stages, "overall: {working_days: 20}")
        // Twenty working days from 2 March: four full weeks, to Monday 30 March.
        #expect(
            try PolicyTimeline(policy: inDays, raised: raised, calendar: england).overallDue == ukDate("2026-03-30"))
    }

    @Test func stageLimitBoundsStagesWithoutTheirOwnTimescale() throws {
        let policy = try Self.policy(
            ["a": "{working_days: 5}", "b": "none", "c": "{calendar_days: 7}", "d": "none"],
            "stage_limit: {working_days: 10}")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(
            rows(timeline) == [
                "a 2026-03-02 2026-03-09", "b 2026-03-09 2026-03-23", "c 2026-03-23 2026-03-30",
                "d 2026-03-30 2026-04-15",  // Ten working days from 30 March, skipping 3 and 6 April
            ])
        #expect(timeline.entries.map(\.fromStageLimit) == [false, true, false, true])
        #expect(timeline.entries[1].timescale == policy.stageLimit)
        #expect(timeline.entries[0].timescale == policy.stages[0].timescale)
        #expect(timeline.stagesWithoutTimescale.isEmpty)
    }

    @Test func stageLimitCanRunFromTheRaisedDate() throws {
        let policy = try Self.policy(
            ["a": "{working_days: 5}", "b": "none"], "stage_limit: {calendar_days: 30, from: dispute-raised}")
        let timeline = try PolicyTimeline(policy: policy, raised: ukDate("2026-03-02"), calendar: england)
        #expect(rows(timeline) == ["a 2026-03-02 2026-03-09", "b 2026-03-09 2026-04-01"])
    }

    @Test func closureDaysShiftDueDates() throws {
        let policy = try Self.policy(["a": "{working_days: 5}", "b": "{working_days: 1}"])
        let raised = ukDate("2026-12-21")
        // Tue 22, Wed 23, Thu 24; Christmas Day (Fri 25) and Boxing Day's substitute (Mon 28)
        // are skipped; Tue 29 and Wed 30.
        let open = try PolicyTimeline(policy: policy, raised: raised, calendar: england)
        #expect(rows(open) == ["a 2026-12-21 2026-12-30", "b 2026-12-30 2026-12-31"])
        // With 29 to 31 December closed too, and New Year's Day a Friday, the fourth and fifth
        // working days are Monday 4 and Tuesday 5 January 2027.
        let closures = ["2026-12-29", "2026-12-30", "2026-12-31"].map { ukDate($0) }
        let closed = try PolicyTimeline(
            policy: policy, raised: raised, calendar: WorkingCalendar(region: .englandAndWales, closureDays: closures))
        #expect(rows(closed) == ["a 2026-12-21 2027-01-05", "b 2027-01-05 2027-01-06"])
    }

    @Test func datesOutsideTheCalendarThrow() throws {
        let policy = try Self.policy(["a": "{working_days: 5}"])
        #expect(throws: CalendarError.self) {
            _ = try PolicyTimeline(policy: policy, raised: WorkingCalendar.lastDate, calendar: england)
        }
    }
}
