import ConcordCore
import ConcordStore
import Foundation

/// Realistic volume: many disputes in one partnership that already has people, each walked
/// through its policy by the engine and written through the store, spread over years, stages,
/// statuses, agency pairs and categories, some overdue. The same seed gives the same disputes.
public enum VolumeData {
    public struct Options: Sendable {
        public var partnership: String
        public var disputes: Int
        public var years: Int
        public var seed: UInt64
        /// Practitioners in each agency: a partnership with this many disputes has many, and
        /// one person in every dispute of their agency would make their lists unlike anyone's.
        public var practitioners: Int

        public static let defaultPractitioners = 100

        public init(
            partnership: String, disputes: Int, years: Int = 3, seed: UInt64 = 1,
            practitioners: Int = defaultPractitioners
        ) {
            self.partnership = partnership
            self.disputes = disputes
            self.years = years
            self.seed = seed
            self.practitioners = practitioners
        }
    }

    /// Disputes written to the store a transaction at a time.
    static let batchSize = 1_000

    /// Calls `progress` with the number written so far after each batch.
    public static func seed(
        _ database: ConcordDatabase, _ options: Options, holidays: HolidayTable, now: Date,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let today = LondonTime.date(of: now)
        let people = try await VolumeCast.load(
            database, slug: options.partnership, practitioners: options.practitioners, today: today)
        let calendar = Directory(database).calendar(partnership: people.partnership, holidays: holidays)
        let store = DisputeStore(database, holidays: holidays)
        var random = SplitMix64(seed: options.seed)
        var done = 0
        while done < options.disputes {
            var batch: [DisputeStore.ImportedDispute] = []
            for number in done..<min(done + batchSize, options.disputes) {
                let plan = VolumePlan(
                    &random, number: number, policy: people.policy, agencies: people.agencies.count,
                    practitioners: options.practitioners, years: options.years)
                let steps = try plan.walk(people, calendar: calendar, today: today)
                batch.append(DisputeStore.ImportedDispute(id: random.uuid(), steps: steps))
            }
            // The same seed makes the same disputes, ids and all: say so rather than fail on a
            // duplicate key part-way.
            if done == 0, let first = batch.first, (try? await store.load(first.id)) != nil {
                throw DemoDataError(
                    description:
                        "the disputes of --seed \(options.seed) are already in this database; choose another --seed")
            }
            try await store.importDisputes(batch, partnership: people.partnership.id)
            done += batch.count
            progress(done)
        }
    }
}

/// A small, fast generator whose sequence is fixed by its seed on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A version 4 UUID from the sequence, so seeded disputes have the same ids every time.
    mutating func uuid() -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<2 {
            let word = next()
            for byte in 0..<8 { bytes[index * 8 + byte] = UInt8(truncatingIfNeeded: word >> (byte * 8)) }
        }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
