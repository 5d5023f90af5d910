import Foundation

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Locates the Python (with aiosmtpd) that runs the real SMTP server and the independent MIME parser.
public enum TestEnvironment {
    /// This folder, which holds `smtp_sink.py`.
    public static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    public static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    public static var python: String {
        ProcessInfo.processInfo.environment["CONCORD_TEST_PYTHON"]
            ?? repositoryRoot.appendingPathComponent(".venv/bin/python").path
    }

    /// Fails loudly: a missing Python must never turn into silently skipped mail tests.
    public static func requirePython() throws -> String {
        let python = python
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw TestSetupError(
                description: "no Python at \(python); run ./scripts/test (it creates .venv with aiosmtpd) "
                    + "or set CONCORD_TEST_PYTHON")
        }
        return python
    }

    public static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A throwaway self-signed certificate for localhost and 127.0.0.1, made once per test run.
    public static let certificate: Result<(cert: String, key: String), TestSetupError> = Result {
        let directory = try makeTemporaryDirectory()
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let result = try runProcess(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
            ])
        guard result.status == 0 else {
            throw TestSetupError(description: "openssl failed: \(result.stderr)")
        }
        return (cert, key)
    }.mapError { TestSetupError(description: "cannot make a test certificate: \($0)") }

    public struct ProcessResult: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
    }

    /// Output goes to files, not pipes: a pipe's write end can be inherited by a server that another test
    /// spawns at the same moment, and then reading to end-of-file would wait for that server to exit.
    public static func runProcess(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputFile = directory.appendingPathComponent("stdout")
        let errorFile = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: try Data(contentsOf: outputFile),
            stderr: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}

/// Runs blocking work (process waits, pipe reads) off Swift's small cooperative thread pool.
public func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
