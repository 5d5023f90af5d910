import ConcordStore
import ConcordWeb
import Foundation

/// Everything Concord reads from its environment, with defaults, checked all at once so that
/// an operator sees every bad variable in one go.
struct ConcordConfiguration: Sendable {
    /// Where Concord keeps its data: the imported bank-holiday list and, later, the database.
    var dataDirectory: URL
    /// `DATABASE_URL`: `sqlite:PATH` or a `postgres://` URL; by default a SQLite file in the
    /// data directory.
    var databaseURL: DatabaseURL
    /// `CONCORD_HOST` and `CONCORD_PORT`: where `concord serve` listens.
    var host = "127.0.0.1"
    var port = 8080
    /// `CONCORD_SECURE_COOKIES`: `true`, `false`, or `auto` (the default: secure unless the
    /// server listens only on loopback, where browsers are reached over plain HTTP).
    var secureCookies: Bool?
    /// `CONCORD_BCRYPT_COST`: 10 to 16, default 12.
    var bcryptCost = 12
    /// `CONCORD_SESSION_IDLE_MINUTES`: 5 to 480, default 30.
    var sessionIdleMinutes = 30
    /// `CONCORD_TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` names the client.
    var trustedProxies: Set<String> = []
    /// `CONCORD_DEMO_DATA`: `first-run` (the default) seeds demo data into an empty database;
    /// `off` never does.
    var demoOnFirstRun = true
    var mail = MailConfiguration()
    var monitoring = MonitoringConfiguration()

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
        var configuration = ConcordConfiguration(
            dataDirectory: URL(fileURLWithPath: dataDirectory, isDirectory: true), databaseURL: databaseURL)
        configuration.readWebSettings(environment, problems: &problems)
        configuration.mail = MailConfiguration.read(environment, problems: &problems)
        configuration.monitoring = MonitoringConfiguration.read(
            environment, mainPort: configuration.port, problems: &problems)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return configuration
    }

    private mutating func readWebSettings(_ environment: [String: String], problems: inout [String]) {
        func number(_ name: String, _ range: ClosedRange<Int>, _ into: inout Int) {
            Self.number(name, range, &into, environment, &problems)
        }
        if let host = environment["CONCORD_HOST"] {
            if host.isEmpty {
                problems.append("CONCORD_HOST is empty; set it to an address such as 0.0.0.0 or unset it")
            }
            self.host = host
        }
        number("CONCORD_PORT", 1...65535, &port)
        number("CONCORD_BCRYPT_COST", 10...16, &bcryptCost)
        number("CONCORD_SESSION_IDLE_MINUTES", 5...480, &sessionIdleMinutes)
        switch environment["CONCORD_SECURE_COOKIES"] {
        case nil, "auto": secureCookies = nil
        case "true": secureCookies = true
        case "false": secureCookies = false
        case let other?: problems.append("CONCORD_SECURE_COOKIES is \"\(other)\"; it must be true, false or auto")
        }
        for entry in (environment["CONCORD_TRUSTED_PROXIES"] ?? "").split(separator: ",") {
            let text = entry.trimmingCharacters(in: .whitespaces)
            if let address = WebSettings.proxyAddress(text) {
                trustedProxies.insert(address)
            } else {
                problems.append(
                    "CONCORD_TRUSTED_PROXIES has \"\(text)\", which is not an IP address; list the proxies' addresses separated by commas, such as 127.0.0.1,10.0.0.5"
                )
            }
        }
        switch environment["CONCORD_DEMO_DATA"] {
        case nil, "first-run": demoOnFirstRun = true
        case "off": demoOnFirstRun = false
        case let other?: problems.append("CONCORD_DEMO_DATA is \"\(other)\"; it must be first-run or off")
        }
    }

    /// Where messages are written when no relay is configured.
    var mailDirectory: URL {
        mail.mailDirectory ?? dataDirectory.appendingPathComponent("mail", isDirectory: true)
    }

    var publicURL: String { mail.publicURL ?? "http://\(host):\(port)" }

    /// A GOV.UK bank-holiday list imported with `concord calendar import`.
    var importedHolidaysFile: URL {
        dataDirectory.appendingPathComponent("govuk-bank-holidays.json")
    }
}

extension ConcordConfiguration {
    /// Reads a whole number within `range`, or says what is wrong with it.
    static func number(
        _ name: String, _ range: ClosedRange<Int>, _ into: inout Int, _ environment: [String: String],
        _ problems: inout [String]
    ) {
        guard let text = environment[name] else { return }
        if let value = Int(text), range.contains(value) {
            into = value
        } else {
            problems.append(
                "\(name) is \"\(text)\"; it must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}

struct ConfigurationError: Error, CustomStringConvertible {
    let problems: [String]

    var description: String {
        (["Concord's configuration is invalid:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
