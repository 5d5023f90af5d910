import ConcordCore
import Foundation
import Testing

/// The GOV.UK reader rejects anything it does not fully understand, saying exactly where: an
/// imported list silently misread would move every deadline computed from it.
@Suite struct GovUKReaderTests {
    private func problems(_ text: String, file: String = "holidays.json") -> [DocumentProblem] {
        do {
            let list = try GovUKBankHolidays.read(Data(text.utf8), file: file)
            Issue.record("expected problems, read \(list)")
            return []
        } catch {
            return error.problems
        }
    }

    private func location(_ problem: DocumentProblem?) -> String {
        guard let problem else { return "none" }
        return "\(problem.file):\(problem.line ?? -1):\(problem.column ?? -1) [\(problem.field)]"
    }

    @Test func readsAValidListInJSONAndYAML() throws {
        let json = """
            {"scotland": {"division": "scotland", "events": [
              {"title": "St Andrew’s Day", "date": "2027-11-30", "notes": "", "bunting": true},
              {"title": "2nd January", "date": "2027-01-04", "notes": "Substitute day", "bunting": true}
            ]}}
            """
        let yaml = """
            scotland:
              division: scotland
              events:
                - {title: St Andrew’s Day, date: 2027-11-30}
                - title: 2nd January
                  date: "2027-01-04"
                  notes: Substitute day
            """
        let expected = GovUKBankHolidays(holidays: [
            .scotland: [
                BankHoliday(date: ukDate("2027-11-30"), title: "St Andrew’s Day"),
                BankHoliday(date: ukDate("2027-01-04"), title: "2nd January", notes: "Substitute day"),
            ]
        ])
        #expect(try GovUKBankHolidays.read(Data(json.utf8), file: "a.json") == expected)
        #expect(try GovUKBankHolidays.read(Data(yaml.utf8), file: "a.yaml") == expected)
        #expect(expected.coveredYears(.scotland) == [2027])
        #expect(expected.coveredYears(.englandAndWales).isEmpty)
    }

    @Test func bundledListReadsCleanly() {
        let bundled = GovUKBankHolidays.bundled
        #expect(bundled.holidays[.englandAndWales]?.count == 140)
        #expect(bundled.holidays.keys.count == 3)
    }

    @Test func invalidJSONSyntax() {
        let found = problems(
            """
            {
              "england-and-wales": {
                "division": "england-and-wales"
                "events": []
              }
            }
            """)
        #expect(found.count == 1)
        #expect(found.first?.file == "holidays.json")
        #expect(found.first?.line == 4, "\(location(found.first))")
        #expect(found.first?.column != nil)
        #expect(found.first?.field == "")
        #expect(found.first?.message.hasPrefix("syntax error") == true, "\(found)")
    }

    @Test func invalidYAMLSyntax() {
        let found = problems(
            """
            england-and-wales:
              division: england-and-wales
              events: [{title: "New Year’s Day", date: 2027-01-01}
            """, file: "holidays.yaml")
        #expect(found.count == 1)
        #expect(found.first?.file == "holidays.yaml")
        #expect(found.first?.line != nil && found.first?.column != nil, "\(location(found.first))")
        #expect(found.first?.message.hasPrefix("syntax error") == true, "\(found)")
    }

    @Test func unknownDivision() {
        let found = problems(
            """
            {
              "england-and-wales": {"division": "england-and-wales", "events": [{"title": "A", "date": "2027-01-01"}]},
              "wales": {"division": "wales", "events": []}
            }
            """)
        #expect(found.map(location) == ["holidays.json:3:3 [wales]"], "\(found)")
        #expect(found.first?.message.contains("unknown key") == true)
    }

    @Test func unknownEventKey() {
        let found = problems(
            """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "A", "date": "2027-01-01"},
              {"title": "B", "date": "2027-01-02", "colour": "red"}
            ]}}
            """)
        #expect(found.map(location) == ["holidays.json:3:40 [england-and-wales.events[1].colour]"], "\(found)")
    }

    @Test func missingDate() {
        let found = problems(
            """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "A", "date": "2027-01-01"},
              {"title": "B", "notes": ""}
            ]}}
            """)
        #expect(found.map(location) == ["holidays.json:3:3 [england-and-wales.events[1].date]"], "\(found)")
        #expect(found.first?.message.contains("missing") == true)
    }

    @Test func impossibleDate() {
        let found = problems(
            """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "A", "date": "2027-01-01"},
              {"title": "B", "date": "2027-02-30"}
            ]}}
            """)
        #expect(found.map(location) == ["holidays.json:3:26 [england-and-wales.events[1].date]"], "\(found)")
        #expect(found.first?.message.contains("2027-02-30") == true)
        #expect(found.first?.description.hasPrefix("holidays.json:3:26: england-and-wales.events[1].date: ") == true)
    }

    @Test func wrongDivisionValue() {
        let found = problems(
            """
            {"scotland": {
              "division": "england-and-wales",
              "events": [{"title": "A", "date": "2027-01-01"}]
            }}
            """)
        #expect(found.map(location) == ["holidays.json:2:15 [scotland.division]"], "\(found)")
        #expect(found.first?.message.contains("\"scotland\"") == true)
    }

    @Test func duplicateDate() {
        let found = problems(
            """
            {"northern-ireland": {"division": "northern-ireland", "events": [
              {"title": "A", "date": "2027-03-17"},
              {"title": "B", "date": "2027-03-17"}
            ]}}
            """)
        #expect(found.map(location) == ["holidays.json:3:26 [northern-ireland.events[1].date]"], "\(found)")
        #expect(found.first?.message.contains("listed twice") == true)
    }

    @Test func reportsEveryProblemAtOnce() {
        let found = problems(
            """
            {
              "england-and-wales": {"division": "scotland", "events": [
                {"title": "A", "date": "2027-02-30"},
                {"title": "B"},
                {"title": "C", "date": "2027-01-01", "colour": "red"}
              ]},
              "wales": {}
            }
            """)
        #expect(
            Set(found.map(location)) == [
                "holidays.json:2:37 [england-and-wales.division]",
                "holidays.json:3:28 [england-and-wales.events[0].date]",
                "holidays.json:4:5 [england-and-wales.events[1].date]",
                "holidays.json:5:42 [england-and-wales.events[2].colour]",
                "holidays.json:7:3 [wales]",
            ], "\(found)")
    }
}
