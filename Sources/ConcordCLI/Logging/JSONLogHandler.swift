import Foundation
import Logging

/// Log lines for collectors (`CONCORD_LOG_FORMAT=json`): one JSON object per line, with
/// `timestamp` (ISO 8601, UTC), `level`, `label`, `message` and `metadata`, whose values are
/// strings, or lists and objects of strings. A line break or quote in a message stays inside
/// its string, so no message can forge a line of its own.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel = Logger.Level.info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    let now: @Sendable () -> Date
    let write: @Sendable (String) -> Void

    init(
        label: String, now: @escaping @Sendable () -> Date = { Date() },
        write: @escaping @Sendable (String) -> Void = Self.standardError
    ) {
        self.label = label
        self.now = now
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let given = event.metadata { merged.merge(given) { $1 } }
        let fields = [
            ("timestamp", Self.string(now().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))),
            ("level", Self.string(event.level.rawValue)), ("label", Self.string(label)),
            ("message", Self.string(event.message.description)), ("metadata", Self.object(merged)),
        ]
        write("{" + fields.map { Self.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}\n")
    }

    /// One `write` per line, so lines from different threads never interleave.
    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func object(_ metadata: Logger.Metadata) -> String {
        "{" + metadata.sorted { $0.key < $1.key }.map { string($0.key) + ":" + value($0.value) }.joined(separator: ",")
            + "}"
    }

    static func value(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): string(text)
        case .stringConvertible(let item): string(item.description)
        case .array(let items): "[" + items.map(Self.value).joined(separator: ",") + "]"
        case .dictionary(let entries): object(entries)
        }
    }

    /// A JSON string: quotes, backslashes and every control character escaped; the rest,
    /// accents and emoji included, as UTF-8.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
