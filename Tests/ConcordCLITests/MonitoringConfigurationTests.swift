import Foundation
import Testing

@testable import ConcordCLI

/// `CONCORD_LOG_FORMAT` and the `CONCORD_METRICS_*` variables: read, and every bad one listed
/// with the rest, the token never shown.
@Suite struct MonitoringConfigurationTests {
    static let token = String(repeating: "0123456789abcdef", count: 4)

    @Test func goodValuesAreRead() throws {
        let configuration = try ConcordConfiguration.load(from: [
            "CONCORD_LOG_FORMAT": "json", "CONCORD_METRICS_TOKEN": Self.token, "CONCORD_METRICS_PORT": "9464",
            "CONCORD_METRICS_HOST": "10.0.0.5",
        ])
        let monitoring = configuration.monitoring
        #expect(monitoring.logFormat == .json)
        #expect(monitoring.metricsToken == Self.token)
        #expect(monitoring.metricsPort == 9464 && monitoring.metricsHost == "10.0.0.5")
        #expect(!monitoring.summary.contains(Self.token))
        let defaults = try ConcordConfiguration.load(from: [:]).monitoring
        #expect(defaults.logFormat == .text && defaults.metricsToken == nil && defaults.metricsPort == nil)
        #expect(defaults.metricsHost == "127.0.0.1")
    }

    @Test func everyBadValueIsListedWithTheOthers() throws {
        let secret = "not a token: it has spaces and is long enough to pass"
        let error = try #require(
            throws: ConfigurationError.self,
            performing: {
                try ConcordConfiguration.load(from: [
                    "CONCORD_LOG_FORMAT": "xml", "CONCORD_METRICS_TOKEN": secret, "CONCORD_METRICS_PORT": "8080",
                    "CONCORD_SESSION_IDLE_MINUTES": "1",
                ])
            })
        #expect(
            error.problems == [
                "CONCORD_SESSION_IDLE_MINUTES is \"1\"; it must be a whole number from 5 to 480",
                "CONCORD_LOG_FORMAT is \"xml\"; it must be text or json",
                "CONCORD_METRICS_TOKEN may hold only letters, digits and - . _ ~ + / =; make one with: openssl rand -hex 32",
                "CONCORD_METRICS_PORT is 8080, the same as CONCORD_PORT; give metrics a port of their own",
            ])
        #expect(!error.description.contains(secret))
    }

    @Test func aShortTokenOrAPortlessHostIsRefused() throws {
        let error = try #require(
            throws: ConfigurationError.self,
            performing: {
                try ConcordConfiguration.load(from: [
                    "CONCORD_METRICS_TOKEN": "abc123", "CONCORD_METRICS_HOST": "0.0.0.0", "CONCORD_LOG_FORMAT": "JSON",
                ])
            })
        #expect(
            error.problems == [
                "CONCORD_LOG_FORMAT is \"JSON\"; it must be text or json",
                "CONCORD_METRICS_TOKEN is 6 characters long; make one of at least 32: openssl rand -hex 32",
                "CONCORD_METRICS_HOST is set but CONCORD_METRICS_PORT is not; set the port too",
            ])
        #expect(!error.description.contains("abc123"))
        let port = try #require(
            throws: ConfigurationError.self,
            performing: { try ConcordConfiguration.load(from: ["CONCORD_METRICS_PORT": "metrics"]) })
        #expect(port.problems == ["CONCORD_METRICS_PORT is \"metrics\"; it must be a whole number from 1 to 65535"])
    }
}
