import Foundation
import Logging
import Testing

@testable import ConcordCLI

/// `CONCORD_LOG_FORMAT=json`: every line one JSON object a collector can parse, whatever the
/// message holds.
@Suite struct JSONLogHandlerTests {
    /// 2026-11-23 10:00:00.250 UTC.
    static let moment = Date(timeIntervalSince1970: 1_795_428_000.25)

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []
        func append(_ line: String) { lock.withLock { written.append(line) } }
        var all: [String] { lock.withLock { written } }
    }

    static func logger(_ lines: Lines) -> Logger {
        Logger(label: "concord.test") { JSONLogHandler(label: $0, now: { moment }, write: lines.append) }
    }

    static func object(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n") && line.dropLast().firstIndex(of: "\n") == nil, "not one line: \(line)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func eachLineIsOneObjectWithTheExpectedKeys() throws {
        let lines = Lines()
        var logger = Self.logger(lines)
        logger[metadataKey: "request-id"] = "r-1"
        logger.debug("not written: below info")
        logger.notice("Server started", metadata: ["port": .stringConvertible(8080)])
        let written = lines.all
        #expect(written.count == 1)
        let object = try Self.object(try #require(written.first))
        #expect(Set(object.keys) == ["timestamp", "level", "label", "message", "metadata"])
        #expect(object["timestamp"] as? String == "2026-11-23T10:00:00.250Z")
        #expect(object["level"] as? String == "notice")
        #expect(object["label"] as? String == "concord.test")
        #expect(object["message"] as? String == "Server started")
        #expect(object["metadata"] as? [String: String] == ["request-id": "r-1", "port": "8080"])
    }

    @Test func messagesAndMetadataAreEscaped() throws {
        let lines = Lines()
        let message =
            "a \"quote\", a back\\slash, a\nnew line, a\r\ttab, a bell \u{7}, NUL \u{0}, DEL \u{7F}, "
            + "a line separator \u{2028}, Zoë O'Neil and 👩‍⚕️"
        Self.logger(lines).error(
            "\(message)",
            metadata: [
                "nested": .dictionary(["list": .array(["x\"y", .dictionary(["deep": "\u{1B}[31m"])])]),
                "key \"quoted\"\n": "value",
            ])
        let line = try #require(lines.all.first)
        #expect(line.dropLast().allSatisfy { $0 != "\n" && $0 != "\r" && $0 != "\u{2028}" })
        let object = try Self.object(line)
        #expect(object["message"] as? String == message)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["key \"quoted\"\n"] as? String == "value")
        let nested = try #require(metadata["nested"] as? [String: Any])
        let list = try #require(nested["list"] as? [Any])
        #expect(list.first as? String == "x\"y")
        #expect((list.last as? [String: String]) == ["deep": "\u{1B}[31m"])
    }
}
