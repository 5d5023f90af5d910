import Foundation
import Testing

/// The documented exit codes: 0 on success, 1 for invalid input, 2 for usage errors (with the
/// usage on standard error and nothing on standard output).
@Suite struct ExitCodeTests {
    func expectUsageError(_ result: CLI.Result, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("Usage: concord"), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func unknownSubcommand() throws {
        expectUsageError(try CLI().run("frobnicate"), "Unexpected argument 'frobnicate'")
        expectUsageError(try CLI().run("calendar", "multiply"), "Unexpected argument 'multiply'")
    }

    @Test func unknownOption() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21", "--days", "1", "--bogus")
        expectUsageError(result, "Unknown option '--bogus'")
    }

    @Test func malformedDate() throws {
        expectUsageError(
            try CLI().run("policy", "timeline", "oldham", "--start", "2026-13-01"),
            "The value '2026-13-01' is invalid for '--start <start>'")
        expectUsageError(
            try CLI().run("calendar", "add", "--region", "england-and-wales", "--from", "2027-02-29", "--days", "1"),
            "The value '2027-02-29' is invalid")
        expectUsageError(
            try CLI().run(
                "calendar", "between", "--region", "scotland", "--from", "2026-12-21", "--to", "21/12/2026"),
            "The value '21/12/2026' is invalid")
        expectUsageError(
            try CLI().run("policy", "timeline", "oldham", "--start", "2026-12-21", "--closure", "2026-12-32"),
            "The value '2026-12-32' is invalid")
    }

    @Test func missingRequiredOption() throws {
        expectUsageError(
            try CLI().run("policy", "timeline", "oldham"), "Missing expected argument '--start <start>'")
        expectUsageError(
            try CLI().run("calendar", "holidays", "--region", "scotland"), "Missing expected argument '--year <year>'")
        expectUsageError(
            try CLI().run("calendar", "add", "--from", "2026-12-21", "--days", "1"),
            "Missing expected argument '--region <region>'")
    }

    @Test func inconsistentOptions() throws {
        expectUsageError(
            try CLI().run("calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21"),
            "--days is required with --from")
        expectUsageError(
            try CLI().run("calendar", "add", "--region", "england-and-wales", "--days", "3"), "--days needs --from")
    }

    @Test func invalidValues() throws {
        expectUsageError(
            try CLI().run("calendar", "add", "--region", "wales", "--from", "2026-12-21", "--days", "1"),
            "The value 'wales' is invalid for '--region <region>'")
        expectUsageError(
            try CLI().run("policy", "list", "--format", "xml"), "The value 'xml' is invalid for '--format <format>'")
        expectUsageError(
            try CLI().run("calendar", "holidays", "--region", "scotland", "--year", "next"),
            "The value 'next' is invalid")
    }

    @Test func invalidInputIsOne() throws {
        let unknown = try CLI().run("policy", "timeline", "nowhere", "--start", "2026-12-21")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: \"nowhere\" is neither a built-in policy"))
        let outOfRange = try CLI().run("calendar", "holidays", "--region", "scotland", "--year", "1994")
        #expect(outOfRange.status == 1)
        #expect(outOfRange.stderr == "error: year 1994 is outside the calendar Concord knows (1995 to 2100)\n")
        #expect(!outOfRange.stderr.contains("Usage:"))
    }

    @Test func emptyDataDirectoryVariableIsInvalidConfiguration() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21", "--days", "1",
            environment: ["CONCORD_DATA_DIR": ""])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "Concord's configuration is invalid:\n  - CONCORD_DATA_DIR is empty; set it to a directory path or unset it to use ./concord-data\n"
        )
    }

    @Test func aTrustedProxyMustBeAnAddress() throws {
        let result = try CLI().run(
            "calendar", "add", "--region", "england-and-wales", "--from", "2026-12-21", "--days", "1",
            environment: ["CONCORD_TRUSTED_PROXIES": "127.0.0.1, proxy.example"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Concord's configuration is invalid:\n  - CONCORD_TRUSTED_PROXIES has \"proxy.example\", which is not an IP address; list the proxies' addresses separated by commas, such as 127.0.0.1,10.0.0.5\n"
        )
    }

    @Test func successIsZero() throws {
        let cli = try CLI()
        #expect(try cli.run("policy", "list").status == 0)
        #expect(try cli.run("policy", "show", "coventry").status == 0)
        #expect(try cli.run("policy", "timeline", "coventry", "--start", "2026-12-21").status == 0)
        #expect(try cli.run("calendar", "holidays", "--region", "northern-ireland", "--year", "1995").status == 0)
    }

    @Test func helpIsZeroOnStandardOutput() throws {
        let top = try CLI().run("--help")
        #expect(top.status == 0)
        #expect(top.stdout.contains("USAGE: concord <subcommand>"))
        #expect(top.stdout.contains("policy"))
        #expect(top.stdout.contains("calendar"))
        #expect(top.stderr == "")
        let add = try CLI().run("calendar", "add", "--help")
        #expect(add.status == 0)
        #expect(add.stdout.contains("--closure"))
        #expect(add.stdout.contains("negative counts back"))
        let timeline = try CLI().run("policy", "timeline", "-h")
        #expect(timeline.status == 0)
        #expect(timeline.stdout.contains("--start"))
    }
}
