import Testing

@testable import ConcordCore

/// Characters that cannot be seen: refused wherever text is stored, and in a policy located
/// at the value that holds them. A name with NUL once made every later raise fail on
/// PostgreSQL; a right-to-left override makes a name read differently from what is stored.
@Suite struct HiddenCharacterTests {
    @Test(arguments: [
        ("\u{0}", "U+0000"), ("\u{7}", "U+0007"), ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F"), ("\u{85}", "U+0085"),
        ("\u{9F}", "U+009F"),
    ])
    func controlCharactersAreRefusedEvenInSeveralLines(_ character: String, _ code: String) {
        let found = HiddenCharacter.first(in: "Ann\(character)Smith", multiline: true)
        #expect(found == .control(Unicode.Scalar(character)!))
        #expect(found?.code == code)
        #expect(found?.description == "a hidden control character (\(code))")
    }

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069])
    func directionControlsAreRefusedEvenInSeveralLines(_ value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        #expect(HiddenCharacter.first(in: "Ann\(Character(scalar))Smith", multiline: true) == .direction(scalar))
    }

    @Test func lineBreaksAndTabsOnlyInSeveralLines() {
        for text in ["Ann\nSmith", "Ann\r\nSmith", "Ann\tSmith", "Ann\u{2028}Smith"] {
            #expect(HiddenCharacter.first(in: text, multiline: true) == nil, "\(text.debugDescription)")
            #expect(HiddenCharacter.first(in: text, multiline: false) != nil, "\(text.debugDescription)")
        }
        #expect(HiddenCharacter.first(in: "Ann\tSmith", multiline: false)?.description == "a tab")
        #expect(HiddenCharacter.first(in: "Ann\nSmith", multiline: false)?.description == "a line break")
    }

    @Test func ordinaryTextFromAnywhereIsFine() {
        for text in ["Zoë O'Brien-Smith", "محمد علي", "דוד כהן", "李小龍", "Anaïs 👶🏽", "\u{200F}مريم"] {
            #expect(HiddenCharacter.first(in: text, multiline: false) == nil, "\(text)")
        }
    }

    @Test func aPolicyNameWithNULIsRefusedWhereItIs() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "name: Test Pathway", new: "name: \"Test\\0 Pathway\"")), field: "name",
            line: 2, column: 7, mentioning: ["hidden control character (U+0000)", "remove it"])
    }

    @Test func aStageTitleWithARightToLeftOverrideIsRefusedWhereItIs() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "title: Second stage", new: "title: \"Second \\u202Eegats\"")),
            field: "stages[1].title", line: 15, column: 12, mentioning: ["text-direction character (U+202E)"])
    }

    @Test func aHiddenCharacterWrittenIntoTheTextIsRefusedWhereItIs() {
        PolicyFixture.expectOneProblem(
            PolicyFixture.minimal((old: "scope: practice", new: "scope: practice # note \u{202E}kcab")), field: "",
            line: 5, column: 24, mentioning: ["text-direction character (U+202E)"])
        let problems = PolicyFixture.problems(
            PolicyFixture.minimal(
                (old: "name: Test Pathway", new: "name: Test\u{0} Pathway"),
                (old: "title: First stage", new: "title: First\u{85}stage")))
        #expect(problems.map(\.line) == [2, 8])
        #expect(problems.map(\.column) == [11, 17])
    }

    @Test func severalLinesAndTabsInAPolicyTextAreFine() throws {
        let policy = try PolicyFixture.read(
            PolicyFixture.minimal(
                (old: "summary: Line managers meet.", new: "summary: \"Line managers meet.\\n\\tThen they write.\"")))
        #expect(policy.stages[1].summary == "Line managers meet.\n\tThen they write.")
    }
}
