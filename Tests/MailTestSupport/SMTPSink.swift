import Foundation

/// A running `smtp_sink.py` (a real aiosmtpd server) and the messages it has stored.
public final class SMTPSink: Sendable {
    public struct Envelope: Decodable {
        public var mailFrom: String
        public var rcptTos: [String]
        public var mailOptions: [String]
        public var tls: Bool
        public var authUser: String?
    }

    public let port: Int
    public let directory: URL
    private let process: Process
    private let stderrFile: URL

    private init(port: Int, directory: URL, process: Process, stderrFile: URL) {
        self.port = port
        self.directory = directory
        self.process = process
        self.stderrFile = stderrFile
    }

    /// Starts the server and runs `body`, stopping the server afterwards whatever happens.
    public static func with<T>(_ options: [String] = [], _ body: (SMTPSink) async throws -> T) async throws -> T {
        let sink = try await start(options)
        do {
            let result = try await body(sink)
            await sink.stopped()
            return result
        } catch {
            await sink.stopped()
            throw error
        }
    }

    public static func start(_ options: [String]) async throws -> SMTPSink {
        let python = try TestEnvironment.requirePython()
        let root = try TestEnvironment.makeTemporaryDirectory()
        let directory = root.appendingPathComponent("received")
        let stderrFile = root.appendingPathComponent("sink.stderr")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            ["-u", TestEnvironment.testsDirectory.appendingPathComponent("smtp_sink.py").path, "--dir", directory.path]
            + options
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let port = try await readReadyPort(stdout, process)
        guard let port else {
            process.terminate()
            process.waitUntilExit()
            let errors = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            throw TestSetupError(
                description: "the test SMTP server did not start (exit \(process.terminationStatus)); "
                    + "run ./scripts/test to install aiosmtpd into .venv. Its stderr:\n\(errors)")
        }
        return SMTPSink(port: port, directory: directory, process: process, stderrFile: stderrFile)
    }

    public func stop() {
        stopProcess(process)
    }

    /// Stops the server off the cooperative thread pool, which waiting for a process would block.
    public func stopped() async {
        let process = process
        _ = try? await blocking { stopProcess(process) }
    }

    /// Stored messages in arrival order, as raw bytes plus the envelope the server saw.
    public func received() throws -> [(eml: URL, envelope: Envelope)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let json = directory.appendingPathComponent(name)
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let envelope = try decoder.decode(Envelope.self, from: Data(contentsOf: json))
            return (json.deletingPathExtension().appendingPathExtension("eml"), envelope)
        }
    }
}

/// A TCP listener that accepts connections but never says anything, for timeout tests.
public final class SilentServer: Sendable {
    public let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    public static func with<T>(_ body: (SilentServer) async throws -> T) async throws -> T {
        let python = try TestEnvironment.requirePython()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-u", "-c",
            """
            import signal, socket
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
            print("ready", s.getsockname()[1], flush=True)
            held = []
            while True: held.append(s.accept())
            """,
        ]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        do {
            guard let port = try await readReadyPort(stdout, process) else {
                throw TestSetupError(description: "the silent test server did not start")
            }
            let result = try await body(SilentServer(port: port, process: process))
            _ = try? await blocking { stopProcess(process) }
            return result
        } catch {
            _ = try? await blocking { stopProcess(process) }
            throw error
        }
    }
}

/// SIGTERM first; SIGKILL if the child has not gone after a few seconds, so no test leaves a server behind.
public func stopProcess(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
}

/// Waits for the child's "ready PORT" line; a child that never gets there is killed, which ends the read.
public func readReadyPort(_ stdout: Pipe, _ process: Process) async throws -> Int? {
    let reader = stdout.fileHandleForReading
    return try await blocking { () -> Int? in
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        defer { watchdog.cancel() }
        var output = Data()
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { return nil }
            output += chunk
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if let line = lines.dropLast().first(where: { $0.hasPrefix("ready ") }) {
                return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
            }
        }
    }
}
