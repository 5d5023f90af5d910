import ConcordCore
import Testing

/// Substitute days for holidays that fall at a weekend, in every combination the fixed-date
/// holidays can produce; titles and notes are compared too, since GOV.UK keeps the original
/// title on the substitute and marks it "Substitute day".
@Suite struct SubstituteDayTests {
    private struct Entry: Equatable, CustomStringConvertible {
        let date: String
        let title: String
        let notes: String
        var description: String { "\(date) \(title)\(notes.isEmpty ? "" : " (\(notes))")" }
    }

    private func entry(_ date: String, _ title: String, substitute: Bool = false) -> Entry {
        Entry(date: date, title: title, notes: substitute ? "Substitute day" : "")
    }

    private func holidays(_ region: Region, _ year: Int, month: Int) -> [Entry] {
        BankHolidayRules.holidays(region: region, year: year)
            .filter { $0.date.month == month }
            .map { Entry(date: $0.date.iso, title: $0.title, notes: $0.notes) }
    }

    @Test(arguments: Region.allCases, [2021, 2027, 2032, 2038])
    func christmasOnSaturday(_ region: Region, _ year: Int) {
        #expect(
            holidays(region, year, month: 12).filter { $0.date > "\(year)-12-24" } == [
                entry("\(year)-12-27", "Christmas Day", substitute: true),
                entry("\(year)-12-28", "Boxing Day", substitute: true),
            ])
    }

    @Test(arguments: Region.allCases, [2011, 2016, 2022, 2033, 2039])
    func christmasOnSundayKeepsBoxingDayOnMonday(_ region: Region, _ year: Int) {
        #expect(
            holidays(region, year, month: 12).filter { $0.date > "\(year)-12-24" } == [
                entry("\(year)-12-26", "Boxing Day"),
                entry("\(year)-12-27", "Christmas Day", substitute: true),
            ])
    }

    @Test(arguments: Region.allCases, [2020, 2026, 2037])
    func boxingDayOnSaturday(_ region: Region, _ year: Int) {
        #expect(
            holidays(region, year, month: 12).filter { $0.date > "\(year)-12-24" } == [
                entry("\(year)-12-25", "Christmas Day"),
                entry("\(year)-12-28", "Boxing Day", substitute: true),
            ])
    }

    @Test(arguments: [2000, 2005, 2011, 2022, 2033, 2039])
    func newYearOnSaturday(_ year: Int) {
        let monday = entry("\(year)-01-03", "New Year’s Day", substitute: true)
        #expect(holidays(.englandAndWales, year, month: 1) == [monday])
        #expect(holidays(.northernIreland, year, month: 1) == [monday])
        #expect(
            holidays(.scotland, year, month: 1) == [monday, entry("\(year)-01-04", "2nd January", substitute: true)])
    }

    /// In Scotland 2 January is already Monday's holiday, so New Year's Day moves to Tuesday.
    @Test(arguments: [1995, 2006, 2012, 2017, 2023, 2034])
    func newYearOnSunday(_ year: Int) {
        let monday = entry("\(year)-01-02", "New Year’s Day", substitute: true)
        #expect(holidays(.englandAndWales, year, month: 1) == [monday])
        #expect(holidays(.northernIreland, year, month: 1) == [monday])
        #expect(
            holidays(.scotland, year, month: 1) == [
                entry("\(year)-01-02", "2nd January"), entry("\(year)-01-03", "New Year’s Day", substitute: true),
            ])
    }

    @Test(arguments: [1999, 2010, 2016, 2021, 2027, 2038])
    func secondJanuaryOnSaturdayInScotland(_ year: Int) {
        #expect(holidays(.englandAndWales, year, month: 1) == [entry("\(year)-01-01", "New Year’s Day")])
        #expect(
            holidays(.scotland, year, month: 1) == [
                entry("\(year)-01-01", "New Year’s Day"), entry("\(year)-01-04", "2nd January", substitute: true),
            ])
    }

    @Test func newYearOnAWeekdayInScotland() {
        #expect(
            holidays(.scotland, 2026, month: 1) == [
                entry("2026-01-01", "New Year’s Day"), entry("2026-01-02", "2nd January"),
            ])
    }

    @Test(arguments: [
        (2024, "2024-12-02", true), (2025, "2025-12-01", true), (2019, "2019-12-02", true),
        (2014, "2014-12-01", true), (2026, "2026-11-30", false), (2007, "2007-11-30", false),
    ])
    func stAndrewsDay(_ year: Int, _ date: String, _ substitute: Bool) {
        let observed = holidays(.scotland, year, month: 11) + holidays(.scotland, year, month: 12)
        #expect(
            observed.filter { $0.title == "St Andrew’s Day" } == [
                entry(date, "St Andrew’s Day", substitute: substitute)
            ])
    }

    @Test(arguments: [1996, 1997, 2002, 2003, 2006])
    func noStAndrewsDayBefore2007EvenAtAWeekend(_ year: Int) {
        #expect(holidays(.scotland, year, month: 11).isEmpty)
        #expect(holidays(.scotland, year, month: 12).map(\.title) == ["Christmas Day", "Boxing Day"])
    }

    @Test(arguments: [
        (2029, "2029-03-19", true), (2018, "2018-03-19", true), (2024, "2024-03-18", true),
        (2030, "2030-03-18", true), (2026, "2026-03-17", false),
    ])
    func stPatricksDay(_ year: Int, _ date: String, _ substitute: Bool) {
        #expect(
            holidays(.northernIreland, year, month: 3).filter { $0.title == "St Patrick’s Day" } == [
                entry(date, "St Patrick’s Day", substitute: substitute)
            ])
        #expect(holidays(.englandAndWales, year, month: 3).allSatisfy { $0.title != "St Patrick’s Day" })
        #expect(holidays(.scotland, year, month: 3).allSatisfy { $0.title != "St Patrick’s Day" })
    }

    @Test(arguments: [
        (2025, "2025-07-14", true), (2036, "2036-07-14", true), (2020, "2020-07-13", true),
        (2037, "2037-07-13", true), (2024, "2024-07-12", false),
    ])
    func battleOfTheBoyne(_ year: Int, _ date: String, _ substitute: Bool) {
        let title = "Battle of the Boyne (Orangemen’s Day)"
        #expect(holidays(.northernIreland, year, month: 7) == [entry(date, title, substitute: substitute)])
        #expect(holidays(.englandAndWales, year, month: 7).isEmpty)
        #expect(holidays(.scotland, year, month: 7).isEmpty)
    }
}
