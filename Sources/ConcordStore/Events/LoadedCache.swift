import ConcordCore
import Foundation
import Synchronization

/// Disputes as their events make them, by id and version: a dispute's first n events never
/// change, so a page shown again after nothing happened costs one indexed read of the version
/// instead of decoding and replaying every event. Bounded, dropping the least recently used.
final class LoadedCache: Sendable {
    static let shared = LoadedCache(capacity: 2_000)

    struct Entry: Sendable {
        var state: DisputeState
        var events: [ChainedEvent]
        var policy: Policy
    }

    private struct Contents {
        var entries: [UUID: (version: Int, entry: Entry, used: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    private let capacity: Int
    private let contents = Mutex(Contents())

    init(capacity: Int) { self.capacity = capacity }

    func entry(_ id: UUID, version: Int) -> Entry? {
        contents.withLock { contents in
            guard let found = contents.entries[id], found.version == version else { return nil }
            contents.clock += 1
            contents.entries[id]?.used = contents.clock
            return found.entry
        }
    }

    func store(_ id: UUID, version: Int, _ entry: Entry) {
        contents.withLock { contents in
            contents.clock += 1
            contents.entries[id] = (version, entry, contents.clock)
            guard contents.entries.count > capacity else { return }
            // Drop the oldest tenth at once, so eviction is rare work.
            let oldest = contents.entries.sorted { $0.value.used < $1.value.used }.prefix(capacity / 10)
            for (key, _) in oldest { contents.entries[key] = nil }
        }
    }
}

/// Working calendars by region and closure days, for one bank-holiday table: built once, since
/// building one lays out a century of non-working days. Closure days are read on every use, so
/// a day an administrator adds counts at once, on every server.
public final class CalendarCache: Sendable {
    private struct Key: Hashable {
        var region: Region
        var closures: [LocalDate]
    }

    private let calendars = Mutex<[Key: WorkingCalendar]>([:])

    public init() {}

    public func calendar(region: Region, holidays: HolidayTable, closures: [LocalDate]) -> WorkingCalendar {
        let key = Key(region: region, closures: closures.sorted())
        if let found = calendars.withLock({ $0[key] }) { return found }
        let built = WorkingCalendar(region: region, holidays: holidays, closureDays: closures)
        calendars.withLock { $0[key] = built }
        return built
    }
}
