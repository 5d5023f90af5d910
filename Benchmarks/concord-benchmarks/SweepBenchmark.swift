import ConcordCore
import ConcordStore
import Foundation
import Logging
import SQLKit

/// Times one deadline sweep over a partnership with `openStages` open disputes, each at a stage
/// with a timescale: a tenth overdue by up to 60 days, the rest due within 60 days.
struct SweepBenchmark {
    let url: DatabaseURL

    func run(openStages: Int) async throws {
        var logger = Logger(label: "concord.benchmarks")
        logger.logLevel = .warning
        let database = try await ConcordDatabase.open(url, logger: logger)
        do {
            try await database.migrate()
            let world = try await World.make(database)
            let today = LocalDate(iso: "2027-03-01")!
            let filled = try await ContinuousClock().measure { try await fill(world, count: openStages, today: today) }
            print(String(format: "fill %d open stages: %.1f s", openStages, seconds(filled)))
            let sweep = DeadlineSweep(database)
            let at = LondonTime.startOfDay(today).addingTimeInterval(7 * 3600)
            var result = DeadlineSweep.Result()
            let elapsed = try await ContinuousClock().measure { result = try await sweep.run(at: at) }
            print(
                String(
                    format: "sweep: %d open stages, %d with a deadline due, %d messages queued in %.2f s",
                    openStages, result.disputes, result.messages, seconds(elapsed)))
            let again = try await ContinuousClock().measure { result = try await sweep.run(at: at) }
            print(String(format: "sweep again the same day: skipped %d in %.3f s", result.skipped, seconds(again)))
            print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }

    private func fill(_ world: World, count: Int, today: LocalDate) async throws {
        let sql = world.database.database as! any SQLDatabase
        let version = try await Directory(world.database).policyVersions(partnership: world.partnership)[0].sha256
        var random = SplitMix64(state: 11)
        let columns = [
            "id", "reference", "partnership_id", "policy_id", "policy_version", "scope", "category", "status",
            "current_stage", "stage_started_on", "stage_due", "raised_on", "raised_by_id", "significant_harm",
            "version", "last_event_at",
        ]
        var disputes: [[any Encodable & Sendable]] = []
        var people: [[any Encodable & Sendable]] = []
        for index in 0..<count {
            let id = UUID()
            let due = today.adding(
                days: random.next(in: 0...99) < 10 ? -random.next(in: 1...60) : random.next(in: 0...60))
            disputes.append([
                id, String(format: "SWEEP-%08d", index), world.partnership, "oldham", version, "practice",
                "threshold", "open", "head-of-service", due.adding(days: -7).iso, due.iso, due.adding(days: -14).iso,
                world.manager.id, false, 3, "2027-01-01T12:00:00.000Z",
            ])
            people.append([UUID(), id, world.manager.id, "raising"])
            people.append([UUID(), id, world.otherManager.id, "receiving"])
            if disputes.count >= 1000 {
                try await insert(disputes, columns: columns, into: "disputes", sql)
                try await insert(
                    people, columns: ["id", "dispute_id", "person_id", "side"], into: "dispute_people", sql)
                disputes.removeAll(keepingCapacity: true)
                people.removeAll(keepingCapacity: true)
            }
        }
        try await insert(disputes, columns: columns, into: "disputes", sql)
        try await insert(people, columns: ["id", "dispute_id", "person_id", "side"], into: "dispute_people", sql)
    }

    private func insert(
        _ rows: [[any Encodable & Sendable]], columns: [String], into table: String, _ sql: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        var builder = sql.insert(into: table).columns(columns)
        for row in rows { builder = builder.values(row.map { SQLBind($0) }) }
        try await builder.run()
    }
}

/// The process's peak resident memory, from getrusage (kilobytes on Linux).
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
