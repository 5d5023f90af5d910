import ConcordCore
import Foundation
import Testing

/// Field-by-field strictness of the GOV.UK reader, one single-line document per case so that
/// the expected column is easy to check by eye.
@Suite struct GovUKReaderFieldTests {
    private func problems(_ text: String) -> [DocumentProblem] {
        do {
            let list = try GovUKBankHolidays.read(Data(text.utf8), file: "f.json")
            Issue.record("expected problems, read \(list)")
            return []
        } catch {
            return error.problems
        }
    }

    private func located(_ text: String) -> [String] {
        problems(text).map { "\($0.line ?? -1):\($0.column ?? -1) \($0.field)" }
    }

    private static func scotland(events: String) -> String {
        #"{"scotland": {"division": "scotland", "events": "# + events + "}}"
    }

    @Test(arguments: [
        (#"[{"title": "A", "date": "2027-01-01"}], "extra": 1"#, "1:89 scotland.extra"),
        (#"[{"title": "", "date": "2027-01-01"}]"#, "1:60 scotland.events[0].title"),
        (#"[{"title": "A", "date": "2027-01-01", "bunting": "yes"}]"#, "1:98 scotland.events[0].bunting"),
        (#"{"title": "A"}"#, "1:49 scotland.events"),
        (#"["2027-01-01"]"#, "1:50 scotland.events[0]"),
        (#"[]"#, "1:49 scotland.events"),
        (#"[{"title": "A", "date": 20270101}]"#, "1:73 scotland.events[0].date"),
    ])
    func eachBadFieldIsLocated(_ events: String, _ expected: String) {
        #expect(located(Self.scotland(events: events)) == [expected])
    }

    @Test func missingDivision() {
        #expect(
            located(#"{"scotland": {"events": [{"title": "A", "date": "2027-01-01"}]}}"#) == ["1:14 scotland.division"])
    }

    @Test func duplicateKeysAreRejected() {
        let division = #"{"division": "scotland", "events": [{"title": "A", "date": "2027-01-01"}]}"#
        let twice = problems(#"{"scotland": \#(division), "scotland": \#(division)}"#)
        #expect(twice.count == 1)
        #expect(twice.first?.message.contains(#"duplicate key "scotland""#) == true, "\(twice)")
        #expect(twice.first?.line == 1)
        let dates = problems(Self.scotland(events: #"[{"title": "A", "date": "2027-01-01", "date": "2027-01-04"}]"#))
        #expect(dates.first?.message.contains(#"duplicate key "date""#) == true, "\(dates)")
    }

    /// GOV.UK's notes are always text; a list or mapping there means the file is not what we
    /// think it is, and should be reported like any other malformed field.
    @Test func notesMustBeText() {
        let found = located(
            Self.scotland(events: #"[{"title": "A", "date": "2027-01-01", "notes": ["Substitute day"]}]"#))
        #expect(found == ["1:96 scotland.events[0].notes"])
    }

    /// A JSON null is no note at all: it must be rejected or read as empty, never as the text
    /// "null" that would then be shown to users.
    @Test func nullNotesAreNotTheWordNull() {
        let text = Self.scotland(events: #"[{"title": "A", "date": "2027-01-01", "notes": null}]"#)
        if let list = try? GovUKBankHolidays.read(Data(text.utf8), file: "f.json") {
            #expect(list.holidays[.scotland]?.first?.notes == "")
        }
    }

    @Test func emptyAndShapelessDocuments() {
        #expect(problems("").map(\.message) == ["the document is empty"])
        #expect(problems("{}").first?.message.contains("no division") == true)
        #expect(located(#""hello""#) == ["1:1 "])
        #expect(problems("[]").first?.field == "")
        #expect(throws: DocumentProblems.self) { try GovUKBankHolidays.read(Data([0xFF, 0xFE, 0x00]), file: "x") }
    }
}
