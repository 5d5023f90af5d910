import ConcordCore
import Foundation

/// The bank holidays in force for this installation: the bundled GOV.UK list over the rules,
/// and over both the list last imported with `concord calendar import`, if any.
enum HolidaySource {
    static func current(_ configuration: ConcordConfiguration) throws -> HolidayTable {
        guard let imported = try imported(configuration) else { return .standard }
        return HolidayTable.standard.overridden(by: imported)
    }

    static func imported(_ configuration: ConcordConfiguration) throws -> GovUKBankHolidays? {
        let file = configuration.importedHolidaysFile
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try GovUKBankHolidays.read(try Data(contentsOf: file), file: file.path)
        } catch let problems as DocumentProblems {
            throw InvalidInput(
                "the imported bank-holiday list is damaged; import a good GOV.UK file again or delete it\n\(problems)")
        }
    }

    static func calendar(_ region: Region, closures: [LocalDate]) throws -> WorkingCalendar {
        WorkingCalendar(region: region, holidays: try current(.load()), closureDays: closures)
    }
}
