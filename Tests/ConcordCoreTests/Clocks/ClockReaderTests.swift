import Testing

@testable import ConcordCore

/// A stage's `clocks` read strictly: each problem at its line, saying what to write instead.
/// Line numbers refer to the table on `PolicyFixture.minimal`; the clocks go after line 13.
@Suite struct ClockReaderTests {
    static func withClocks(_ clocks: String) -> String {
        PolicyFixture.minimal(
            (old: "      working_days: 5\n", new: "      working_days: 5\n    clocks:\n" + clocks))
    }

    static let reply = """
              - id: reply
                name: The receiving agency replies
                kind: respond-within
                working_days: 3

        """

    @Test func aStageReadsItsClocksWithTheirDefaults() throws {
        let policy = try PolicyFixture.read(
            Self.withClocks(
                Self.reply + """
                          - id: letter
                            name: Outcome letter
                            kind: letter-within
                            letter: Outcome letter
                            hours: 48
                            after: reply
                            indicative: true

                    """))
        let clocks = policy.stages[0].clocks
        #expect(clocks.map(\.id) == ["reply", "letter"])
        #expect(clocks[0].by == .receiving && clocks[0].from == .stageStart && clocks[0].unit == .workingDays)
        #expect(clocks[1].after == "reply" && clocks[1].indicative && clocks[1].unit == .hours)
        #expect(
            clocks[1].description(in: policy.stages[0])
                == "48 hours (2 working days) after the receiving agency replies (indicative)")
    }

    @Test func afterMustNameAnEarlierClock() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                """
                      - id: letter
                        name: Outcome letter
                        kind: letter-within
                        letter: Outcome letter
                        working_days: 2
                        after: reply

                """ + Self.reply),
            field: "stages[0].clocks[0].after", line: 20,
            mentioning: ["names clock \"reply\", which does not come before it", "this stage has no clock before it"])
    }

    @Test func clockIdsAreUniqueInTheStage() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(Self.reply + Self.reply), field: "stages[0].clocks[1].id", line: 19,
            mentioning: ["duplicate clock id \"reply\""])
    }

    @Test func aLetterClockNamesItsLetter() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                """
                      - id: letter
                        name: Outcome letter
                        kind: letter-within
                        working_days: 2

                """),
            field: "stages[0].clocks[0]", line: 15, mentioning: ["needs letter:"])
    }

    @Test func onlyABeginWithinClockIsMetByARecordedStep() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                Self.reply.replacingOccurrences(
                    of: "working_days: 3", with: "working_days: 3\n        met_by: first-contact")),
            field: "stages[0].clocks[0].met_by", mentioning: ["a respond-within clock is met by the response"])
        PolicyFixture.expectOneProblem(
            Self.withClocks(Self.reply.replacingOccurrences(of: "kind: respond-within", with: "kind: begin-within")),
            field: "stages[0].clocks[0]", line: 15, mentioning: ["a begin-within clock needs met_by"])
    }

    @Test func fromAndAfterAreNotBoth() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                Self.reply + """
                          - id: letter
                            name: Outcome letter
                            kind: letter-within
                            letter: Outcome letter
                            working_days: 2
                            after: reply
                            from: dispute-raised

                    """),
            field: "stages[0].clocks[1].from", mentioning: ["give from or after, not both"])
    }

    @Test func aMeetingOfferedNeedsAMeeting() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                Self.reply.replacingOccurrences(
                    of: "kind: respond-within", with: "kind: begin-within\n        met_by: meeting-offered")),
            field: "stages[0].clocks[0].met_by", mentioning: ["needs the stage to have a meeting"])
    }

    @Test func aClockCountedFromReceiptNeedsAnAcknowledgementStage() {
        PolicyFixture.expectOneProblem(
            Self.withClocks(
                Self.reply.replacingOccurrences(
                    of: "working_days: 3", with: "working_days: 3\n        from: received-in-writing")),
            field: "stages[0].clocks[0].from", line: 19, mentioning: ["needs an acknowledgement stage"])
    }
}
