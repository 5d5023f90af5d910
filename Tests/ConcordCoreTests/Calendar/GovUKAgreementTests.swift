import ConcordCore
import Foundation
import Testing

/// The rules must reproduce GOV.UK's official list wherever the list exists, so that years
/// after it ends are computed the same way GOV.UK would publish them.
@Suite struct GovUKAgreementTests {
    static let officialYears = 2012...2028

    @Test func bundledListCoversEveryRegionFrom2012To2028() {
        for region in Region.allCases {
            #expect(GovUKBankHolidays.bundled.coveredYears(region) == Set(Self.officialYears), "\(region)")
        }
    }

    @Test(arguments: Region.allCases)
    func rulesGiveTheSameDatesAsGOVUK(_ region: Region) {
        let official = GovUKBankHolidays.bundled.holidays[region] ?? []
        for year in Self.officialYears {
            let listed = Set(official.filter { $0.date.year == year }.map(\.date))
            let ruled = Set(BankHolidayRules.holidays(region: region, year: year).map(\.date))
            #expect(
                ruled == listed,
                """
                \(region.rawValue) \(year): rules only \(ruled.subtracting(listed).sorted()), \
                GOV.UK only \(listed.subtracting(ruled).sorted())
                """)
        }
    }

    /// GOV.UK is not consistent with itself when 1 January is a Sunday: Scotland's 2012 and 2017
    /// lists keep "2nd January" on Monday and move New Year's Day to Tuesday, but the 2023 list
    /// does the opposite, so no rule can match all three. Northern Ireland's 2012 list, unlike
    /// the other two, does not mark the moved spring holiday as a substitute. These exact
    /// differences are expected; any other, or any of these disappearing, fails.
    static let knownDifferences: [Region: Set<String>] = [
        .scotland: [
            "2023-01-02 title: rules \"2nd January\", GOV.UK \"New Year’s Day\"",
            "2023-01-02 notes: rules \"\", GOV.UK \"Substitute day\"",
            "2023-01-03 title: rules \"New Year’s Day\", GOV.UK \"2nd January\"",
        ],
        .northernIreland: ["2012-06-04 notes: rules \"Substitute day\", GOV.UK \"\""],
    ]

    @Test(arguments: Region.allCases)
    func rulesGiveTheSameTitlesAsGOVUK(_ region: Region) {
        let official = GovUKBankHolidays.bundled.holidays[region] ?? []
        var differences: Set<String> = []
        for year in Self.officialYears {
            let listed = Dictionary(
                uniqueKeysWithValues: official.filter { $0.date.year == year }.map { ($0.date, $0) })
            for holiday in BankHolidayRules.holidays(region: region, year: year) {
                guard let govUK = listed[holiday.date] else { continue }
                if holiday.title != govUK.title {
                    differences.insert("\(holiday.date) title: rules \"\(holiday.title)\", GOV.UK \"\(govUK.title)\"")
                }
                if holiday.notes != govUK.notes {
                    differences.insert("\(holiday.date) notes: rules \"\(holiday.notes)\", GOV.UK \"\(govUK.notes)\"")
                }
            }
        }
        let known = Self.knownDifferences[region] ?? []
        #expect(
            differences == known,
            """
            \(region.rawValue): unexpected differences \(differences.subtracting(known).sorted()); \
            expected but gone \(known.subtracting(differences).sorted())
            """)
    }

    @Test func govUKScotlandTitlesDifferBetweenSundayNewYears() {
        let scotland = GovUKBankHolidays.bundled.holidays[.scotland] ?? []
        func title(_ iso: String) -> String? { scotland.first { $0.date == ukDate(iso) }?.title }
        #expect(title("2012-01-02") == "2nd January")
        #expect(title("2017-01-02") == "2nd January")
        #expect(title("2023-01-02") == "New Year’s Day")
    }

    @Test(arguments: Region.allCases)
    func standardTableTakesOfficialYearsFromTheList(_ region: Region) {
        for year in BankHolidayRules.supportedYears {
            let expected: HolidayTable.Source = Self.officialYears.contains(year) ? .officialList : .rules
            #expect(HolidayTable.standard.source(region: region, year: year) == expected, "\(region) \(year)")
            #expect(HolidayTable.rules.source(region: region, year: year) == .rules, "\(region) \(year)")
        }
        #expect(HolidayTable.standard.source(region: region, year: 1994) == nil)
        #expect(HolidayTable.standard.source(region: region, year: 2101) == nil)
        let official = (GovUKBankHolidays.bundled.holidays[region] ?? []).filter { $0.date.year == 2027 }
        #expect(HolidayTable.standard.holidays(region: region, year: 2027) == official)
        #expect(
            HolidayTable.standard.holidays(region: region, year: 2029)
                == BankHolidayRules.holidays(region: region, year: 2029))
    }

    @Test func sourceHasStableRawValues() {
        #expect(HolidayTable.Source.officialList.rawValue == "official-list")
        #expect(HolidayTable.Source.rules.rawValue == "rules")
    }
}

/// An imported GOV.UK list (`concord calendar import`) replaces the years it covers.
@Suite struct HolidayImportTests {
    private static func json(_ events: [BankHoliday]) -> String {
        let items = events.map { #"{"title": "\#($0.title)", "date": "\#($0.date.iso)", "notes": "\#($0.notes)"}"# }
        return """
            {"england-and-wales": {"division": "england-and-wales", "events": [
            \(items.joined(separator: ",\n"))
            ]}}
            """
    }

    private static func importedTable() throws -> HolidayTable {
        let extra = BankHoliday(date: ukDate("2027-06-07"), title: "Extra bank holiday", notes: "Extra bank holiday")
        let events = HolidayTable.standard.holidays(region: .englandAndWales, year: 2027) + [extra]
        let list = try GovUKBankHolidays.read(Data(json(events).utf8), file: "import.json")
        return HolidayTable.standard.overridden(by: list)
    }

    @Test func extraHolidayIsNotAWorkingDay() throws {
        let table = try Self.importedTable()
        let calendar = WorkingCalendar(region: .englandAndWales, holidays: table)
        #expect(table.holidays(region: .englandAndWales, year: 2027).count == 9)
        #expect(table.source(region: .englandAndWales, year: 2027) == .officialList)
        #expect(try !calendar.isWorkingDay(ukDate("2027-06-07")))
        #expect(try calendar.reasonNotWorking(ukDate("2027-06-07")) == "Extra bank holiday")
        #expect(try WorkingCalendar(region: .englandAndWales).isWorkingDay(ukDate("2027-06-07")))
    }

    @Test func arithmeticMovesPastTheExtraHoliday() throws {
        let imported = WorkingCalendar(region: .englandAndWales, holidays: try Self.importedTable())
        let standard = WorkingCalendar(region: .englandAndWales)
        let friday = ukDate("2027-06-04")
        #expect(try standard.adding(workingDays: 1, to: friday) == ukDate("2027-06-07"))
        #expect(try imported.adding(workingDays: 1, to: friday) == ukDate("2027-06-08"))
        #expect(try imported.adding(workingDays: 5, to: friday) == ukDate("2027-06-14"))
        #expect(try imported.adding(workingDays: -1, to: ukDate("2027-06-08")) == friday)
        #expect(try imported.adding(workingDays: 0, to: ukDate("2027-06-07")) == ukDate("2027-06-08"))
        #expect(try imported.workingDays(from: friday, to: ukDate("2027-06-11")) == 4)
        #expect(try standard.workingDays(from: friday, to: ukDate("2027-06-11")) == 5)
    }

    @Test func otherRegionsAndYearsAreUnchanged() throws {
        let table = try Self.importedTable()
        for region in Region.allCases {
            for year in BankHolidayRules.supportedYears where !(region == .englandAndWales && year == 2027) {
                #expect(
                    table.holidays(region: region, year: year)
                        == HolidayTable.standard.holidays(region: region, year: year),
                    "\(region) \(year)")
                #expect(
                    table.source(region: region, year: year) == HolidayTable.standard.source(region: region, year: year)
                )
            }
        }
        #expect(try WorkingCalendar(region: .scotland, holidays: table).isWorkingDay(ukDate("2027-06-07")))
        #expect(try WorkingCalendar(region: .northernIreland, holidays: table).isWorkingDay(ukDate("2027-06-07")))
    }

    @Test func aListForALaterYearReplacesOnlyThatYear() throws {
        let list = GovUKBankHolidays(holidays: [
            .scotland: [BankHoliday(date: ukDate("2035-03-05"), title: "Test day")]
        ])
        let table = HolidayTable.standard.overridden(by: list)
        #expect(table.holidays(region: .scotland, year: 2035).map(\.title) == ["Test day"])
        #expect(table.source(region: .scotland, year: 2035) == .officialList)
        #expect(
            table.holidays(region: .scotland, year: 2036) == BankHolidayRules.holidays(region: .scotland, year: 2036))
        #expect(table.source(region: .englandAndWales, year: 2035) == .rules)
    }
}
