import ConcordCore
import Crypto
import Foundation

/// What is hashed for an event: everything stored about it except its position, which the
/// chain itself fixes (so that a moved row breaks the links around it, and is named as moved).
public struct EventContent: Hashable, Sendable {
    public var disputeID: UUID
    public var disputeVersion: Int
    public var type: String
    public var actorID: String
    public var actorName: String
    /// UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`, stored as text so both databases give back the bytes
    /// that were hashed.
    public var recordedAt: String
    /// The event as canonical JSON (sorted keys).
    public var payload: String

    public init(
        disputeID: UUID, disputeVersion: Int, type: String, actorID: String, actorName: String, recordedAt: String,
        payload: String
    ) {
        self.disputeID = disputeID
        self.disputeVersion = disputeVersion
        self.type = type
        self.actorID = actorID
        self.actorName = actorName
        self.recordedAt = recordedAt
        self.payload = payload
    }
}

public struct ChainedEvent: Hashable, Sendable {
    public var sequence: Int64
    public var content: EventContent
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, content: EventContent, previousHash: String, hash: String) {
        self.sequence = sequence
        self.content = content
        self.previousHash = previousHash
        self.hash = hash
    }
}

extension ChainedEvent {
    /// The stored event and when it was recorded; a row that cannot be read is an error, never
    /// quietly given another time or content.
    public func decoded() throws -> (event: DisputeEvent, at: Date) {
        guard let at = EventChain.date(content.recordedAt) else {
            throw StoreError.damagedEvent(sequence: sequence, reason: "its time \"\(content.recordedAt)\" is malformed")
        }
        do {
            return (try EventChain.event(content.payload), at)
        } catch {
            throw StoreError.damagedEvent(sequence: sequence, reason: "its content is not a dispute event")
        }
    }
}

public enum EventChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over each field length-prefixed (so no two different events hash the same
    /// text) followed by the previous event's hash.
    public static func hash(_ content: EventContent, previous: String) -> String {
        hex(digest(content, previous: previous))
    }

    static func digest(_ content: EventContent, previous: String) -> SHA256.Digest {
        var text: [UInt8] = []
        text.reserveCapacity(content.payload.utf8.count + 400)
        func field(_ value: some Collection<UInt8>) {
            text.append(contentsOf: String(value.count).utf8)
            text.append(UInt8(ascii: ":"))
            text.append(contentsOf: value)
            text.append(UInt8(ascii: "\n"))
        }
        field("concord-event-1".utf8)
        field(uuidText(content.disputeID))
        field(String(content.disputeVersion).utf8)
        for value in [content.type, content.actorID, content.actorName, content.recordedAt, content.payload, previous] {
            field(value.utf8)
        }
        return SHA256.hash(data: text)
    }

    /// Whether `hash` is the hex of the content's digest, compared without writing it out.
    static func matches(_ content: EventContent, previous: String, hash: String) -> Bool {
        let digest = digest(content, previous: previous)
        var stored = hash.utf8.makeIterator()
        for byte in digest {
            guard stored.next() == hexDigits[Int(byte >> 4)], stored.next() == hexDigits[Int(byte & 0x0F)] else {
                return false
            }
        }
        return stored.next() == nil
    }

    /// The UUID's lower-case text, as hashed.
    private static func uuidText(_ id: UUID) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return text
    }

    public static func sha256(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, written by table: `String(format:)` per byte was a fifth of the cost of
    /// appending an event.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func payload(_ event: DisputeEvent) throws -> String {
        String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    public static func event(_ payload: String) throws -> DisputeEvent {
        try JSONDecoder().decode(DisputeEvent.self, from: Data(payload.utf8))
    }

    /// Millisecond precision, so the text round-trips exactly.
    public static func timestamp(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let rest = milliseconds - days * 86_400_000
        var text = LocalDate(dayNumber: days).iso
        text.reserveCapacity(24)
        text.append("T")
        LocalDate.append(rest / 3_600_000, width: 2, to: &text)
        text.append(":")
        LocalDate.append(rest / 60_000 % 60, width: 2, to: &text)
        text.append(":")
        LocalDate.append(rest / 1000 % 60, width: 2, to: &text)
        text.append(".")
        LocalDate.append(rest % 1000, width: 3, to: &text)
        text.append("Z")
        return text
    }

    /// A time as it reads back from the log, so the state a command returns is the state a
    /// later load rebuilds.
    public static func storedTime(_ date: Date) -> Date {
        self.date(timestamp(date)) ?? date
    }

    public static func date(_ timestamp: String) -> Date? {
        guard timestamp.count == 24, let day = LocalDate(iso: timestamp.prefix(10)) else { return nil }
        let parts = timestamp.dropFirst(11).dropLast()
        let numbers = parts.split(whereSeparator: { $0 == ":" || $0 == "." }).compactMap { Int($0) }
        guard numbers.count == 4 else { return nil }
        let milliseconds = ((numbers[0] * 60 + numbers[1]) * 60 + numbers[2]) * 1000 + numbers[3]
        return Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + Double(milliseconds) / 1000)
    }
}
