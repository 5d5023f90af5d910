import Testing

@testable import ConcordCore

/// The timeline's envelope shows a stage's further clocks too: a reply within 3 working days,
/// then an outcome letter within a further 2.
@Suite struct TimelineClockTests {
    @Test func eachClockFallsDueAtTheLatest() throws {
        let policy = try PolicyFixture.read(
            ClockReaderTests.withClocks(
                ClockReaderTests.reply + """
                          - id: letter
                            name: Outcome letter
                            kind: letter-within
                            letter: Outcome letter
                            working_days: 2
                            after: reply

                    """))
        let timeline = try PolicyTimeline(
            policy: policy, raised: ukDate("2026-12-21"), calendar: WorkingCalendar(region: .englandAndWales))
        let clocks = timeline.entries[0].clocks
        #expect(clocks.map(\.clock.id) == ["reply", "letter"])
        // From Monday 21 December, 3 working days is Thursday 24th; 2 more, over Christmas Day
        // and Boxing Day (in lieu on Monday 28th), is Wednesday 30th.
        #expect(clocks[0].due == ukDate("2026-12-24"))
        #expect(clocks[1].due == ukDate("2026-12-30"))
        #expect(timeline.entries[1].clocks.isEmpty)
    }
}
