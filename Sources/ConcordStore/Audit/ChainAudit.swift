import FluentKit
import Foundation
import SQLKit

/// Reads the whole event log in chain order, streaming, and verifies it.
public enum ChainAudit {
    public static func run(
        _ database: ConcordDatabase, expectedHead: String? = nil
    ) async throws
        -> ChainVerifier.Report
    {
        // One snapshot for the head and the events, so a write committing mid-audit is not
        // mistaken for tampering; readers never block writers.
        try await database.database.transaction { tx in
            if database.kind == .postgres {
                try await (tx as! any SQLDatabase).raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").run()
            }
            return try await verify(tx, expectedHead: expectedHead)
        }
    }

    private static func verify(_ db: any Database, expectedHead: String?) async throws -> ChainVerifier.Report {
        let head = try await ChainHead.read(db)
        // The log is read once as it streams past, in constant memory, and is found whole in
        // the normal case; only a break reads it again, into memory, to name every finding.
        let walk = Locked(ChainWalk(expectedHead: expectedHead))
        let contents = ContentCheck()
        try await EventRows.each(.all, db) { event in
            walk.withLock { $0.add(event) }
            contents.add(event)
        }
        var report: ChainVerifier.Report
        if await contents.allMatch(), let whole = walk.withLock({ $0.report(head: (head.sequence, head.hash)) }) {
            report = whole
        } else {
            let links = Locked<[ChainVerifier.Link]>([])
            try await EventRows.each(.all, db) { event in links.withLock { $0.append(ChainVerifier.Link(event)) } }
            report = ChainVerifier.verify(
                links: links.withLock { $0 }, head: (head.sequence, head.hash), expectedHead: expectedHead)
        }
        for version in try await PolicyVersionModel.query(on: db).sort(\.$createdAt).all()
        where EventChain.sha256(version.yaml) != version.sha256 {
            report.findings.append(.policyEdited(policy: version.policyID, sha256: version.sha256))
        }
        return report
    }
}

/// One unbroken chain from the first event to the recorded head: with every event's content
/// matching its hash (`ContentCheck`), what `ChainVerifier` would find intact.
struct ChainWalk: Sendable {
    private var count = 0
    private var last: (sequence: Int64, hash: String) = (0, EventChain.genesis)
    private var unbroken = true
    private let expectedHead: String?
    private var sawExpectedHead: Bool

    init(expectedHead: String?) {
        self.expectedHead = expectedHead
        sawExpectedHead = expectedHead == nil || expectedHead == EventChain.genesis
    }

    mutating func add(_ event: ChainedEvent) {
        count += 1
        if unbroken { unbroken = event.previousHash == last.hash && event.sequence > last.sequence }
        if event.hash == expectedHead { sawExpectedHead = true }
        last = (event.sequence, event.hash)
    }

    /// The report, if the chain is whole; nil if anything needs the full analysis.
    func report(head: (sequence: Int64, hash: String)) -> ChainVerifier.Report? {
        guard unbroken, sawExpectedHead, last.sequence == head.sequence, last.hash == head.hash else { return nil }
        return ChainVerifier.Report(count: count, headHash: last.hash, findings: [])
    }
}

/// Hashes events' contents on other threads while the database reads on, a few thousand at a
/// time: hashing is the other half of an audit's work, and each event's is independent.
final class ContentCheck: Sendable {
    private static let chunk = 4_096
    private let pending = Locked<[ChainedEvent]>([])
    private let mismatch = Locked(false)
    private let running = DispatchGroup()
    /// Bounds the chunks waiting, so memory stays flat when reading outpaces hashing.
    private let slots = DispatchSemaphore(value: ProcessInfo.processInfo.activeProcessorCount * 2)

    /// Called in order from the database's thread.
    func add(_ event: ChainedEvent) {
        let full: [ChainedEvent]? = pending.withLock { events in
            events.append(event)
            guard events.count >= Self.chunk else { return nil }
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
        if let full { check(full) }
    }

    /// Whether every event added matched its hash, once all are hashed.
    func allMatch() async -> Bool {
        check(
            pending.withLock { events in
                defer { events = [] }
                return events
            })
        await withCheckedContinuation { done in running.notify(queue: .global()) { done.resume() } }
        return !mismatch.withLock { $0 }
    }

    private func check(_ events: [ChainedEvent]) {
        guard !events.isEmpty else { return }
        slots.wait()
        running.enter()
        DispatchQueue.global().async { [self] in
            let matched = events.allSatisfy {
                EventChain.matches($0.content, previous: $0.previousHash, hash: $0.hash)
            }
            if !matched { mismatch.withLock { $0 = true } }
            slots.signal()
            running.leave()
        }
    }
}
