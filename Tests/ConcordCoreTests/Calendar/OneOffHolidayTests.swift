import ConcordCore
import Testing

/// Holidays moved or added by royal proclamation apply in every region alike.
@Suite struct OneOffHolidayTests {
    private func dates(_ region: Region, _ year: Int) -> Set<LocalDate> {
        Set(BankHolidayRules.holidays(region: region, year: year).map(\.date))
    }

    private func title(_ region: Region, _ iso: String) -> String? {
        let date = ukDate(iso)
        return BankHolidayRules.holidays(region: region, year: date.year).first { $0.date == date }?.title
    }

    @Test(arguments: Region.allCases)
    func veDayMovedEarlyMay(_ region: Region) {
        for (moved, usual) in [("1995-05-08", "1995-05-01"), ("2020-05-08", "2020-05-04")] {
            #expect(title(region, moved) == "Early May bank holiday (VE day)", "\(region) \(moved)")
            #expect(title(region, usual) == nil, "\(region) \(usual) is no longer a holiday")
            #expect(dates(region, ukDate(moved).year).filter { $0.month == 5 }.count == 2, "\(region)")
        }
    }

    @Test(arguments: Region.allCases)
    func millenniumEve(_ region: Region) {
        #expect(title(region, "1999-12-31") == "Millennium Eve")
        #expect(dates(region, 1999).contains(ukDate("1999-12-27")))
        #expect(dates(region, 1999).contains(ukDate("1999-12-28")))
    }

    @Test(arguments: Region.allCases)
    func goldenJubilee(_ region: Region) {
        #expect(title(region, "2002-06-03") == "Queen’s Golden Jubilee")
        #expect(title(region, "2002-06-04") == "Spring bank holiday")
        #expect(title(region, "2002-05-27") == nil, "the spring holiday moved from the last Monday of May")
    }

    @Test(arguments: Region.allCases)
    func royalWedding(_ region: Region) {
        #expect(title(region, "2011-04-29") == "Royal wedding of Prince William and Catherine Middleton")
    }

    @Test(arguments: Region.allCases)
    func diamondJubilee(_ region: Region) {
        #expect(title(region, "2012-06-04") == "Spring bank holiday")
        #expect(title(region, "2012-06-05") == "Queen’s Diamond Jubilee")
        #expect(title(region, "2012-05-28") == nil)
    }

    @Test(arguments: Region.allCases)
    func platinumJubilee(_ region: Region) {
        #expect(title(region, "2022-06-02") == "Spring bank holiday")
        #expect(title(region, "2022-06-03") == "Platinum Jubilee bank holiday")
        #expect(title(region, "2022-05-30") == nil)
    }

    @Test(arguments: Region.allCases)
    func stateFuneralAndCoronation(_ region: Region) {
        #expect(title(region, "2022-09-19") == "Bank Holiday for the State Funeral of Queen Elizabeth II")
        #expect(title(region, "2023-05-08") == "Bank holiday for the coronation of King Charles III")
        #expect(title(region, "2023-05-01") == "Early May bank holiday", "the coronation did not move early May")
    }

    /// A one-off must not leak into neighbouring years or the same date in other years.
    @Test(arguments: Region.allCases)
    func oneOffsDoNotRecur(_ region: Region) {
        for (iso, year) in [("12-31", 1998), ("12-31", 2000), ("06-03", 2003), ("04-29", 2016), ("09-19", 2023)] {
            #expect(title(region, "\(year)-\(iso)") == nil, "\(region) \(year)-\(iso)")
        }
        #expect(title(region, "2021-05-04") == nil)
        #expect(title(region, "2024-05-06") == "Early May bank holiday")
        #expect(title(region, "2024-05-27") == "Spring bank holiday")
    }
}
