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
        let fields = [
            "concord-event-1", content.disputeID.uuidString.lowercased(), String(content.disputeVersion), content.type,
            content.actorID, content.actorName, content.recordedAt, content.payload, previous,
        ]
        var text = ""
        for field in fields { text += "\(field.utf8.count):\(field)\n" }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
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
        let day = LocalDate(dayNumber: days)
        return String(
            format: "%@T%02d:%02d:%02d.%03dZ", day.iso, rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60,
            rest % 1000)
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
