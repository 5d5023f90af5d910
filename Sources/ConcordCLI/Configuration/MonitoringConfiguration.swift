import Foundation

/// Metrics and log settings, read with the rest of Concord's configuration. The token is never
/// printed, not even in the problems listed for it.
struct MonitoringConfiguration: Sendable {
    enum LogFormat: String, Sendable { case text, json }

    /// `CONCORD_LOG_FORMAT`: `text` (the default) or `json`, one object per line.
    var logFormat = LogFormat.text
    /// `CONCORD_METRICS_TOKEN`: the bearer token `/metrics` asks for; with it the main port
    /// serves `/metrics` too.
    var metricsToken: String?
    /// `CONCORD_METRICS_HOST` (default 127.0.0.1) and `CONCORD_METRICS_PORT`: a listener that
    /// serves only `/metrics`.
    var metricsHost = "127.0.0.1"
    var metricsPort: Int?

    static let minimumTokenLength = 32

    /// Where metrics are served, for `concord serve` to print; never the token.
    var summary: String {
        var places: [String] = []
        if let metricsPort { places.append("http://\(metricsHost):\(metricsPort)/metrics") }
        if metricsToken != nil { places.append("/metrics on the main port") }
        guard !places.isEmpty else { return "metrics not served (see docs/operating.md)" }
        return "metrics at " + places.joined(separator: " and ") + (metricsToken != nil ? ", with the token" : "")
    }

    static func read(_ environment: [String: String], mainPort: Int, problems: inout [String]) -> Self {
        var monitoring = Self()
        if let text = environment["CONCORD_LOG_FORMAT"] {
            if let format = LogFormat(rawValue: text) {
                monitoring.logFormat = format
            } else {
                problems.append("CONCORD_LOG_FORMAT is \"\(text)\"; it must be text or json")
            }
        }
        if let token = environment["CONCORD_METRICS_TOKEN"] {
            if let problem = tokenProblem(token) { problems.append("CONCORD_METRICS_TOKEN \(problem)") }
            monitoring.metricsToken = token
        }
        if let text = environment["CONCORD_METRICS_PORT"] {
            var port = 0
            ConcordConfiguration.number("CONCORD_METRICS_PORT", 1...65535, &port, environment, &problems)
            if port == mainPort {
                problems.append(
                    "CONCORD_METRICS_PORT is \(text), the same as CONCORD_PORT; give metrics a port of their own")
            }
            monitoring.metricsPort = port
        }
        if let host = environment["CONCORD_METRICS_HOST"] {
            if host.isEmpty {
                problems.append("CONCORD_METRICS_HOST is empty; set it to an address such as 127.0.0.1 or unset it")
            } else if monitoring.metricsPort == nil {
                problems.append("CONCORD_METRICS_HOST is set but CONCORD_METRICS_PORT is not; set the port too")
            }
            monitoring.metricsHost = host
        }
        return monitoring
    }

    /// What is wrong with a token, saying nothing of what it is but its length.
    static func tokenProblem(_ token: String) -> String? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=")
        if !token.allSatisfy(allowed.contains) {
            return "may hold only letters, digits and - . _ ~ + / =; make one with: openssl rand -hex 32"
        }
        if token.count < minimumTokenLength {
            return "is \(token.count) characters long; make one of at least \(minimumTokenLength): openssl rand -hex 32"
        }
        return nil
    }
}
