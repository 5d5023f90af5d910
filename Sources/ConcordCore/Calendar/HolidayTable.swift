import Foundation

/// The bank holidays in force: the rules for every supported year, overridden region by region
/// and year by year by official GOV.UK lists, later lists winning.
public struct HolidayTable: Sendable {
    public enum Source: String, Sendable, Codable {
        case rules
        case officialList = "official-list"
    }

    private var byRegion: [Region: [Int: [BankHoliday]]]
    private var sources: [Region: [Int: Source]]

    /// Holidays by rule only, with no official list applied.
    public static let rules: HolidayTable = {
        var byRegion: [Region: [Int: [BankHoliday]]] = [:]
        var sources: [Region: [Int: Source]] = [:]
        for region in Region.allCases {
            for year in BankHolidayRules.supportedYears {
                byRegion[region, default: [:]][year] = BankHolidayRules.holidays(region: region, year: year)
                sources[region, default: [:]][year] = .rules
            }
        }
        return HolidayTable(byRegion: byRegion, sources: sources)
    }()

    /// The rules overridden by the GOV.UK list that ships with Concord.
    public static let standard: HolidayTable = rules.overridden(by: .bundled)

    private init(byRegion: [Region: [Int: [BankHoliday]]], sources: [Region: [Int: Source]]) {
        self.byRegion = byRegion
        self.sources = sources
    }

    /// A copy in which every region-year the list covers is taken from the list.
    public func overridden(by list: GovUKBankHolidays) -> HolidayTable {
        var copy = self
        for (region, holidays) in list.holidays {
            let years = Dictionary(grouping: holidays, by: \.date.year)
            for (year, days) in years where BankHolidayRules.supportedYears.contains(year) {
                copy.byRegion[region, default: [:]][year] = days.sorted { $0.date < $1.date }
                copy.sources[region, default: [:]][year] = .officialList
            }
        }
        return copy
    }

    public func holidays(region: Region, year: Int) -> [BankHoliday] {
        byRegion[region]?[year] ?? []
    }

    public func source(region: Region, year: Int) -> Source? {
        sources[region]?[year]
    }

    public func holidays(region: Region) -> [BankHoliday] {
        BankHolidayRules.supportedYears.flatMap { holidays(region: region, year: $0) }
    }
}

extension GovUKBankHolidays {
    /// GOV.UK's list as it was when this copy of Concord was built (2012–2028).
    public static let bundled: GovUKBankHolidays = {
        let file = "govuk-bank-holidays.json"
        guard let url = Bundle.module.url(forResource: "Resources/\(file)", withExtension: nil),
            let data = try? Data(contentsOf: url)
        else {
            preconditionFailure("Concord was built without its bundled \(file)")
        }
        do {
            return try read(data, file: file)
        } catch {
            preconditionFailure("the bundled \(file) is invalid: \(error)")
        }
    }()
}
