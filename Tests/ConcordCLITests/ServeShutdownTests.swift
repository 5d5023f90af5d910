import ConcordCore
import ConcordStore
import DatabaseTestSupport
import Foundation
import MailTestSupport
import Testing

/// `concord serve` as an operator runs it, stopped with SIGTERM while it delivers queued mail
/// through a real SMTP server, run after run on one database: each stop exits with status 0,
/// and across the stops nothing is sent twice or left mid-send. A crash in the stop shows only
/// when the stop lands while the database is busy, so there is plenty of mail, sent quickly.
@Suite(.serialized) struct ServeShutdownTests {
    static let runs = 4

    @Test(arguments: Backend.allCases)
    func sigtermWhileMailIsBeingSentExitsCleanlyEveryTime(_ backend: Backend) async throws {
        let (url, remove) = try await backend.create()
        do {
            let queued = try await Self.queueMail(url)
            let ids = try await SMTPSink.with { sink in
                let cli = try CLI()
                for run in 1...Self.runs {
                    let before = try sink.received().count
                    let server = try ServeProcess(cli, environment: Self.environment(url, smtpPort: sink.port))
                    // Stopped once this run has delivered something, while the next is on its way.
                    let delivered = try await server.waitWhileRunning { try sink.received().count > before }
                    #expect(delivered, "run \(run) delivered nothing before it ended: \(server.output)")
                    let status = try await server.terminate()
                    #expect(status == "exit 0", "run \(run) ended with \(status): \(server.output)")
                }
                return try sink.received().map { try Self.messageID($0.eml) }
            }
            let outbox = try await Self.counts(url)
            #expect(outbox.sending == 0, "a message was left mid-send")
            #expect(Set(ids).count == ids.count, "a message was sent twice: \(ids)")
            #expect(ids.count == outbox.sent && outbox.sent >= Self.runs && outbox.sent + outbox.pending == queued)
        } catch {
            try? await remove()
            throw error
        }
        try await remove()
    }

    static func environment(_ url: DatabaseURL, smtpPort: Int) -> [String: String] {
        let database =
            switch url {
            case .sqlite(let path): "sqlite:\(path)"
            case .postgres(let text): text
            }
        return [
            "DATABASE_URL": database, "CONCORD_DEMO_DATA": "off", "CONCORD_PORT": String(freePort()),
            "CONCORD_SMTP_HOST": "127.0.0.1", "CONCORD_SMTP_PORT": String(smtpPort), "CONCORD_SMTP_SECURITY": "none",
            "CONCORD_DEADLINE_WATCH": "off",
        ]
    }

    /// Forty disputes, each writing to the two people named on it: eighty messages queued.
    static func queueMail(_ url: DatabaseURL) async throws -> Int {
        let database = try await ConcordDatabase.open(url)
        do {
            let people = try await FlowchartDirectory.make(
                database, teacherEmail: "tess@school.example", officerEmail: "owen@police.example")
            for number in 1...40 {
                _ = try await DisputeStore(database).raise(
                    RaiseDispute(
                        raisedBy: people.teacher, otherAgencies: [people.police], professionals: [people.officer],
                        children: [ChildRecord(name: "Child \(number)", dateOfBirth: LocalDate(iso: "2015-03-03"))],
                        category: .referral, disagreement: "Referral not accepted", outcomeWanted: "Accepted",
                        significantHarm: false), partnership: people.partnership, at: Date())
            }
            let counts = try await Outbox(database).counts(partnership: people.partnership)
            await database.shutdown()
            return counts[.pending] ?? 0
        } catch {
            await database.shutdown()
            throw error
        }
    }

    static func messageID(_ eml: URL) throws -> String {
        let text = try String(contentsOf: eml, encoding: .utf8)
        let line = text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") }
        return try #require(line, "no Message-ID in \(eml.lastPathComponent)")
    }

    static func counts(_ url: DatabaseURL) async throws -> (sent: Int, pending: Int, sending: Int) {
        let database = try await ConcordDatabase.open(url)
        do {
            let partnership = try #require(try await Directory(database).partnership(slug: "flowchart"))
            let counts = try await Outbox(database).counts(partnership: partnership.id)
            await database.shutdown()
            return (counts[.sent] ?? 0, counts[.pending] ?? 0, counts[.sending] ?? 0)
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// A `concord serve` child process, its output kept in a file (a pipe could be inherited by a
/// server another test starts at the same moment).
final class ServeProcess: Sendable {
    let process: Process
    let outputFile: URL

    init(_ cli: CLI, environment: [String: String]) throws {
        outputFile = cli.dataDirectory.appendingPathComponent("serve-\(UUID()).log")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve"]
        var env = ProcessInfo.processInfo.environment
        env["CONCORD_DATA_DIR"] = cli.dataDirectory.path
        env.merge(environment) { $1 }
        process.environment = env
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }

    /// Polls `condition` until it holds (true) or the server ends or a minute passes (false).
    func waitWhileRunning(_ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Sends SIGTERM and waits up to a minute: "exit N", "signal N", or "killed" when it did not
    /// stop in time.
    func terminate() async throws -> String {
        let process = process
        return try await blocking {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return "killed"
            }
            process.waitUntilExit()
            let kind = process.terminationReason == .exit ? "exit" : "signal"
            return "\(kind) \(process.terminationStatus)"
        }
    }
}

/// A port nothing listens on at this moment.
func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
