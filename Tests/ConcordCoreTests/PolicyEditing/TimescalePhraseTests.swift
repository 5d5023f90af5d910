import Testing

@testable import ConcordCore

/// The editor's timescale field reads the protocol's own words, and says what it cannot read.
@Suite struct TimescalePhraseTests {
    static let earlier = [(id: "practitioners", title: "Practitioners talk"), (id: "managers", title: "Managers meet")]

    static func read(_ text: String) throws -> TimescalePhrase {
        try TimescalePhrase.read(text, earlier: earlier)
    }

    @Test func protocolWordsReadAsTimescales() throws {
        #expect(try Self.read("48 hours") == TimescalePhrase(amount: 48, unit: .hours))
        #expect(try Self.read("within 48 hours (2 working days)") == TimescalePhrase(amount: 48, unit: .hours))
        #expect(try Self.read("Immediately") == TimescalePhrase(amount: 1, unit: .immediately))
        #expect(try Self.read("the same working day") == TimescalePhrase(amount: 1, unit: .immediately))
        #expect(try Self.read("within five working days") == TimescalePhrase(amount: 5, unit: .workingDays))
        #expect(try Self.read("a working week") == TimescalePhrase(amount: 5, unit: .workingDays))
        #expect(try Self.read("1 month") == TimescalePhrase(amount: 1, unit: .months))
        #expect(try Self.read("none") == .none)
        #expect(
            try Self.read("within 5 working days of step 1")
                == TimescalePhrase(amount: 5, unit: .workingDays, ofStage: "practitioners"))
        #expect(
            try Self.read("within 2 working days of the disagreement or the decision")
                == TimescalePhrase(amount: 2, unit: .workingDays, from: .decision))
        #expect(
            try Self.read("15 working days of the dispute being received")
                == TimescalePhrase(amount: 15, unit: .workingDays, from: .receivedInWriting))
    }

    @Test func whatCannotBeCountedSaysWhatToWrite() {
        func problem(_ text: String) -> String {
            do {
                _ = try TimescalePhrase.read(text, earlier: Self.earlier)
                return ""
            } catch { return error.message }
        }
        #expect(problem("5 days").contains("\"5 working days\" or \"5 calendar days\""))
        #expect(problem("as quickly as possible").contains("write \"immediately\""))
        #expect(problem("0 working days").contains("write \"immediately\""))
        #expect(problem("5 working days of step 3").contains("stages before this one are 1 to 2"))
        #expect(problem("5 working days of the moon").contains("cannot tell what \"the moon\" is"))
        #expect(problem("a further 2 working days").contains("clocks"))
        #expect(problem("soon").contains("not a timescale Concord can read"))
    }

    @Test func theFieldShowsWordsThatReadBackTheSame() throws {
        let cases = [
            Timescale(amount: 48, unit: .hours, from: .stageStart),
            Timescale(amount: 1, unit: .immediately, from: .stageStart),
            Timescale(amount: 2, unit: .workingDays, from: .decision),
            Timescale(amount: 1, unit: .months, from: .stageStart),
        ]
        for timescale in cases {
            let words = TimescalePhrase.words(for: timescale, stageNumber: { _ in nil })
            let read = try Self.read(words)
            #expect(read.unit == timescale.unit && read.from == timescale.from, "\(words)")
        }
        var ofStep = Timescale(amount: 5, unit: .workingDays, from: .stageStart)
        ofStep.ofStage = "managers"
        let words = TimescalePhrase.words(for: ofStep, stageNumber: { $0 == "managers" ? 2 : nil })
        #expect(words == "within 5 working days of step 2")
        #expect(try Self.read(words).ofStage == "managers")
    }

    @Test func theReadingIsASentenceToConfirm() throws {
        #expect(
            try Self.read("48 hours").sentence(stageTitle: { _ in nil })
                == "48 hours (2 working days) from the start of the stage, counted as working hours on working days, 24 to a working day."
        )
        #expect(
            try Self.read("within 5 working days of step 1").sentence(stageTitle: { _ in "Practitioners talk" })
                .hasPrefix("5 working days from the start of \"Practitioners talk\"")
        )
    }
}
