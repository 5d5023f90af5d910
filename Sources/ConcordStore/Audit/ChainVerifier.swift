/// Walks the event chain and names every event that was edited, deleted, inserted or moved.
public struct ChainVerifier {
    public enum Finding: Hashable, Sendable, CustomStringConvertible {
        case edited(sequence: Int64)
        case rehashedOrDeleted(after: Int64, before: Int64)
        case deleted(sequences: ClosedRange<Int64>)
        case deletedBefore(sequence: Int64)
        case inserted(sequence: Int64)
        case reordered(sequence: Int64)
        case tailDeleted(lastStored: Int64, headRecords: Int64)
        case tailInserted(sequence: Int64, headRecords: Int64)
        case lastReplaced(sequence: Int64)
        case headMismatch(expected: String, found: String)
        case policyEdited(policy: String, sha256: String)

        public var description: String {
            switch self {
            case .edited(let sequence):
                "event #\(sequence) was edited: its content no longer matches its hash"
            case .rehashedOrDeleted(let after, let before):
                "the chain breaks between #\(after) and #\(before): event #\(after) was edited and re-hashed, or an event after it was deleted and the rest renumbered"
            case .deleted(let sequences):
                sequences.count == 1
                    ? "event #\(sequences.lowerBound) was deleted"
                    : "events #\(sequences.lowerBound)–#\(sequences.upperBound) were deleted"
            case .deletedBefore(let sequence):
                "an event before #\(sequence) was deleted: the event it was chained to is gone"
            case .inserted(let sequence):
                "event #\(sequence) was inserted: no event is chained to it and it is chained to none in its place"
            case .reordered(let sequence):
                "event #\(sequence) was moved: it is chained to an event stored in another position"
            case .tailDeleted(let last, let head):
                "events after #\(last) were deleted: the chain head records #\(head)"
            case .tailInserted(let sequence, let head):
                "event #\(sequence) was inserted after the chain head (#\(head))"
            case .lastReplaced(let sequence):
                "event #\(sequence) does not match the chain head: it was edited and re-hashed, or replaced"
            case .policyEdited(let policy, let sha256):
                "policy \(policy) version \(sha256.prefix(12)) was edited: its text no longer matches the SHA-256 its disputes recorded"
            case .headMismatch(let expected, let found):
                "no event has the hash \(expected) kept elsewhere (the head is now \(found)): events were cut off or replaced"
            }
        }
    }

    public struct Report: Sendable {
        public var count: Int
        public var headHash: String
        public var findings: [Finding]
        public var isIntact: Bool { findings.isEmpty }
    }

    /// What the verifier keeps of each event: enough to follow the links, with its own hash
    /// already checked, so a million events fit in memory.
    public struct Link: Sendable {
        public var sequence: Int64
        public var previousHash: String
        public var hash: String
        public var matchesContent: Bool

        public init(_ event: ChainedEvent) {
            sequence = event.sequence
            previousHash = event.previousHash
            hash = event.hash
            matchesContent = EventChain.matches(event.content, previous: event.previousHash, hash: event.hash)
        }
    }

    /// `events` in stored sequence order; `head` is the stored chain head (last sequence and hash).
    public static func verify(
        _ events: [ChainedEvent], head: (sequence: Int64, hash: String), expectedHead: String? = nil
    ) -> Report {
        verify(links: events.map(Link.init), head: head, expectedHead: expectedHead)
    }

    public static func verify(
        links all: [Link], head: (sequence: Int64, hash: String), expectedHead: String? = nil
    ) -> Report {
        var findings: [Finding] = []
        var flagged: Set<Int64> = []
        func flag(_ finding: Finding, _ sequence: Int64) {
            if flagged.insert(sequence).inserted { findings.append(finding) }
        }
        // Rows past the recorded head were not written by Concord's appends.
        let events = all.filter { $0.sequence <= head.sequence }
        for event in all where event.sequence > head.sequence {
            flag(.tailInserted(sequence: event.sequence, headRecords: head.sequence), event.sequence)
        }
        var position: [String: Int] = [EventChain.genesis: -1]
        for (index, event) in events.enumerated() { position[event.hash] = index }
        let continued = Set(events.map(\.previousHash))
        // The row each hash is chained to by the next event; where two rows claim the same
        // predecessor, the one that is itself continued is the real successor.
        var successor: [String: Int] = [:]
        for (index, event) in events.enumerated()
        where successor[event.previousHash] == nil || continued.contains(event.hash) || event.hash == head.hash {
            successor[event.previousHash] = index
        }
        for (index, event) in events.enumerated() {
            if !event.matchesContent { flag(.edited(sequence: event.sequence), event.sequence) }
            let chainedTo = position[event.previousHash]
            let next = index + 1 < events.count ? events[index + 1] : nil
            let isHead = event.hash == head.hash
            // Nothing continues from this row, and the row stored after it is chained to an
            // event before it: the row was slipped in.
            if !continued.contains(event.hash), !isHead, let next, let target = position[next.previousHash],
                target < index
            {
                flag(.inserted(sequence: event.sequence), event.sequence)
                continue
            }
            guard let chainedTo else {
                let previous = index > 0 ? events[index - 1] : nil
                if let previous, event.sequence - previous.sequence > 1 {
                    let gap = (previous.sequence + 1)...(event.sequence - 1)
                    flag(.deleted(sequences: gap), gap.lowerBound)
                } else if let previous {
                    flag(.rehashedOrDeleted(after: previous.sequence, before: event.sequence), event.sequence)
                } else {
                    flag(.deletedBefore(sequence: event.sequence), event.sequence)
                }
                continue
            }
            let predecessorMoved = chainedTo != index - 1
            let nextInChain = successor[event.hash]
            let successorMoved = nextInChain != (next == nil ? nil : index + 1)
            if predecessorMoved && successorMoved && (nextInChain != nil || isHead) {
                flag(.reordered(sequence: event.sequence), event.sequence)
            }
        }
        let last = events.last
        let headHash = last?.hash ?? EventChain.genesis
        if (last?.sequence ?? 0) < head.sequence {
            findings.append(.tailDeleted(lastStored: last?.sequence ?? 0, headRecords: head.sequence))
        } else if let last, headHash != head.hash, position[head.hash] == nil {
            flag(.lastReplaced(sequence: last.sequence), last.sequence)
        }
        // A head kept earlier is a checkpoint: the chain may have grown since, but the event
        // that was the head then must still be in it, unchanged and chained.
        if let expectedHead, position[expectedHead] == nil {
            findings.append(.headMismatch(expected: expectedHead, found: headHash))
        }
        return Report(count: all.count, headHash: headHash, findings: findings)
    }
}
