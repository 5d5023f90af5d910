import ConcordStore
import Foundation
import Testing

/// Who opened or acted on a dispute, and when, read back in time order.
@Suite struct AccessLogTests {
    @Test(arguments: Backend.allCases) func entriesComeBackInTimeOrderWithNameAndRole(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            let fixture = try await Fixture.make(database)
            let accounts = Accounts(database)
            let office = try await accounts.create(
                email: "Bea@Partnership.Example", name: "Bea Office", role: .businessOffice, passwordHash: "h",
                partnership: fixture.partnership)
            let auditor = try await accounts.create(
                email: "aud@partnership.example", name: "Al Auditor", role: .auditor, passwordHash: "h",
                partnership: fixture.partnership)
            let log = AccessLog(database)
            let dispute = UUID()
            let other = UUID()
            let nine = Date.london("2026-12-01", hour: 9)
            // Recorded out of order: entries are ordered by when they happened.
            try await log.record(dispute: dispute, by: office, action: "escalated", at: nine.addingTimeInterval(7200))
            try await log.record(dispute: dispute, by: auditor, action: "viewed", at: nine)
            try await log.record(dispute: other, by: auditor, action: "viewed", at: nine.addingTimeInterval(60))
            try await log.record(dispute: dispute, by: office, action: "viewed", at: nine.addingTimeInterval(3600.25))

            let entries = try await log.entries(dispute: dispute)
            let bea = "Bea Office <bea@partnership.example>"
            #expect(entries.map(\.accountName) == ["Al Auditor <aud@partnership.example>", bea, bea])
            #expect(entries.map(\.role) == [.auditor, .businessOffice, .businessOffice])
            #expect(entries.map(\.action) == ["viewed", "viewed", "escalated"])
            #expect(entries.map(\.at) == [nine, nine.addingTimeInterval(3600.25), nine.addingTimeInterval(7200)])
            #expect(try await log.entries(dispute: other).map(\.action) == ["viewed"])
            #expect(try await log.entries(dispute: UUID()) == [])
            let stored = try await RawSQL.int(database, "SELECT COUNT(*) AS n FROM dispute_access_log")
            #expect(stored == 4)
        }
    }

    /// Entries order by instant, not by the text of whichever day they fall on.
    @Test(arguments: Backend.allCases) func entriesAcrossDaysAndMillisecondsKeepTheirOrder(
        _ backend: Backend
    )
        async throws
    {
        try await TestDatabase.with(backend) { database in
            let account = try await Accounts(database).create(
                email: "ada@concord.example", name: "Ada", role: .administrator, passwordHash: "h")
            let log = AccessLog(database)
            let dispute = UUID()
            let times = [
                Date.london("2026-12-31", hour: 23), Date.london("2027-01-01", hour: 0).addingTimeInterval(0.125),
                Date.london("2026-12-31", hour: 23).addingTimeInterval(0.5), Date.london("2026-02-01", hour: 10),
            ]
            for (index, time) in times.enumerated() {
                try await log.record(dispute: dispute, by: account, action: "step-\(index)", at: time)
            }
            let entries = try await log.entries(dispute: dispute)
            #expect(entries.map(\.action) == ["step-3", "step-0", "step-2", "step-1"])
            #expect(entries.map(\.at) == times.sorted())
            #expect(entries.allSatisfy { $0.role == .administrator && $0.accountName == "Ada <ada@concord.example>" })
        }
    }
}
