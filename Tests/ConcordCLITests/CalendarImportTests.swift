import Foundation
import Testing

/// `calendar import`: a newer GOV.UK list takes effect for later runs in the same data
/// directory, and a broken one changes nothing.
@Suite struct CalendarImportTests {
    /// The GOV.UK list bundled with Concord.
    static let bundledList: Data = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = root.appendingPathComponent("Sources/ConcordCore/Resources/govuk-bank-holidays.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            preconditionFailure("cannot read \(file.path)")
        }
        return data
    }()

    /// The bundled list with a fictional extra bank holiday on Monday 7 June 2027 in England
    /// and Wales.
    static func listWithExtraHoliday() throws -> String {
        var json = try #require(try JSONSerialization.jsonObject(with: bundledList) as? [String: Any])
        var division = try #require(json["england-and-wales"] as? [String: Any])
        var events = try #require(division["events"] as? [[String: Any]])
        events.append([
            "title": "Extra bank holiday", "date": "2027-06-07", "notes": "Extra bank holiday", "bunting": true,
        ])
        division["events"] = events
        json["england-and-wales"] = division
        let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static let brokenList = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {"title": "Bad day", "date": "2027-02-30", "notes": "", "bunting": true},
              {"title": "Odd", "date": "2027-06-14", "colour": "red"}
            ]
          }
        }

        """

    func addOneAfterFriday4June(_ cli: CLI) throws -> CLI.Result {
        try cli.run("calendar", "add", "--region", "england-and-wales", "--from", "2027-06-04", "--days", "1")
    }

    @Test func importedHolidayTakesEffectInTheSameDataDirectoryOnly() throws {
        let cli = try CLI()
        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-07\n")
        let file = try cli.write(try Self.listWithExtraHoliday(), to: "bank-holidays.json")
        let result = try cli.run("calendar", "import", file)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = CLIOutput.lines(result.stdout)
        #expect(lines.contains("  + 2027-06-07 Extra bank holiday"))
        #expect(lines.filter { $0.hasPrefix("  +") || $0.hasPrefix("  -") } == ["  + 2027-06-07 Extra bank holiday"])
        #expect(lines.contains { $0.hasPrefix("England and Wales: ") && $0.hasSuffix("2012–2028") })
        #expect(lines.contains { $0.hasPrefix("Imported to ") && $0.contains("govuk-bank-holidays.json") })

        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-08\n")
        #expect(try addOneAfterFriday4June(CLI()).stdout == "2027-06-07\n")

        let holidays = try cli.run(
            "calendar", "holidays", "--region", "england-and-wales", "--year", "2027", "--format", "json")
        let json = try CLIOutput.object(holidays.stdout)
        #expect(json["source"] as? String == "official-list")
        let dates = try #require(json["holidays"] as? [[String: Any]]).compactMap { $0["date"] as? String }
        #expect(dates.contains("2027-06-07"))
        #expect(dates == dates.sorted())
    }

    @Test func brokenListIsRefusedAndThePreviousImportStays() throws {
        let cli = try CLI()
        let good = try cli.write(try Self.listWithExtraHoliday(), to: "bank-holidays.json")
        #expect(try cli.run("calendar", "import", good).status == 0)
        let stored = cli.dataDirectory.appendingPathComponent("govuk-bank-holidays.json")
        let before = try Data(contentsOf: stored)

        let broken = try cli.write(Self.brokenList, to: "broken.json")
        let result = try cli.run("calendar", "import", broken)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            CLIOutput.stderrLines(result) == [
                "\(broken):5:36: england-and-wales.events[0].date: expected a real date as YYYY-MM-DD, found \"2027-02-30\"",
                "\(broken):6:46: england-and-wales.events[1].colour: unknown key; expected one of \"title\", \"date\", \"notes\", \"bunting\"",
                "2 problems found",
            ])

        #expect(try Data(contentsOf: stored) == before)
        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-08\n")
    }

    @Test func brokenFirstImportLeavesNoImportedList() throws {
        let cli = try CLI()
        let broken = try cli.write(Self.brokenList, to: "broken.json")
        #expect(try cli.run("calendar", "import", broken).status == 1)
        let stored = cli.dataDirectory.appendingPathComponent("govuk-bank-holidays.json")
        #expect(!FileManager.default.fileExists(atPath: stored.path))
        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-07\n")
    }

    @Test func reimportingTheBundledListRemovesTheExtraHoliday() throws {
        let cli = try CLI()
        let extra = try cli.write(try Self.listWithExtraHoliday(), to: "bank-holidays.json")
        #expect(try cli.run("calendar", "import", extra).status == 0)
        let plain = try cli.write(String(decoding: Self.bundledList, as: UTF8.self), to: "plain.json")
        let result = try cli.run("calendar", "import", plain)
        #expect(result.status == 0)
        let changes = CLIOutput.lines(result.stdout).filter { $0.hasPrefix("  +") || $0.hasPrefix("  -") }
        #expect(changes == ["  - 2027-06-07 Extra bank holiday"])
        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-07\n")
    }

    @Test func missingFileIsInvalidInput() throws {
        let cli = try CLI()
        let missing = cli.dataDirectory.appendingPathComponent("no-such-file.json").path
        let result = try cli.run("calendar", "import", missing)
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot read \(missing)\n")
    }

    @Test func damagedImportedListStopsCalendarCommands() throws {
        let cli = try CLI()
        _ = try cli.write("garbage\n", to: "govuk-bank-holidays.json")
        let result = try addOneAfterFriday4June(cli)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("the imported bank-holiday list is damaged"))
        #expect(result.stderr.contains("govuk-bank-holidays.json:1:1:"))
    }

    /// The damaged-list message says "import a good GOV.UK file again or delete it", so
    /// importing a good file must repair it rather than fail on the damaged one.
    @Test func importingAGoodListRepairsADamagedOne() throws {
        let cli = try CLI()
        _ = try cli.write("garbage\n", to: "govuk-bank-holidays.json")
        let good = try cli.write(try Self.listWithExtraHoliday(), to: "bank-holidays.json")
        let result = try cli.run("calendar", "import", good)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try addOneAfterFriday4June(cli).stdout == "2027-06-08\n")
    }
}
