import ConcordStore
import Foundation

/// Everything Concord reads from its environment, with defaults, checked all at once so that
/// an operator sees every bad variable in one go.
struct ConcordConfiguration: Sendable {
    /// Where Concord keeps its data: the imported bank-holiday list and, later, the database.
    var dataDirectory: URL
    /// `DATABASE_URL`: `sqlite:PATH` or a `postgres://` URL; by default a SQLite file in the
    /// data directory.
    var databaseURL: DatabaseURL

    static let defaultDataDirectory = "./concord-data"

    static func load(
        from environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ConcordConfiguration {
        var problems: [String] = []
        let dataDirectory = environment["CONCORD_DATA_DIR"] ?? defaultDataDirectory
        if dataDirectory.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(
                "CONCORD_DATA_DIR is empty; set it to a directory path or unset it to use \(defaultDataDirectory)")
        }
        var databaseURL = DatabaseURL.sqlite(path: dataDirectory + "/concord.sqlite")
        if let text = environment["DATABASE_URL"] {
            do { databaseURL = try DatabaseURL(text) } catch { problems.append(error.description) }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return ConcordConfiguration(
            dataDirectory: URL(fileURLWithPath: dataDirectory, isDirectory: true), databaseURL: databaseURL)
    }

    /// A GOV.UK bank-holiday list imported with `concord calendar import`.
    var importedHolidaysFile: URL {
        dataDirectory.appendingPathComponent("govuk-bank-holidays.json")
    }
}

struct ConfigurationError: Error, CustomStringConvertible {
    let problems: [String]

    var description: String {
        (["Concord's configuration is invalid:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
