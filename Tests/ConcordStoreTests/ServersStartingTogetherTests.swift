import ConcordStore
import Foundation
import Testing

/// Servers sharing one database start together (a deployment, a restart after an upgrade), and
/// each migrates it, and may seed it, first. Done at once, all but one failed on a table another
/// had just made. SQLite serves a single server, so these are PostgreSQL's.
@Suite struct ServersStartingTogetherTests {
    /// Pools of their own, as separate processes have.
    static func servers(_ count: Int, _ body: ([ConcordDatabase]) async throws -> Void) async throws {
        let (url, remove) = try await TestDatabase.create(.postgres)
        var servers: [ConcordDatabase] = []
        do {
            for _ in 0..<count { servers.append(try await ConcordDatabase.open(url)) }
            try await body(servers)
        } catch {
            for server in servers { await server.shutdown() }
            try? await remove()
            throw error
        }
        for server in servers { await server.shutdown() }
        try await remove()
    }

    @Test func theyAllMigrateAFreshDatabase() async throws {
        try await Self.servers(4) { servers in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for server in servers { group.addTask { try await server.migrate() } }
                try await group.waitForAll()
            }
            for server in servers { #expect(try await server.pendingMigrations() == 0) }
            let applied = try await RawSQL.int(servers[0], "SELECT COUNT(*) AS n FROM _fluent_migrations")
            #expect(applied == ConcordMigrations.all.count)
        }
    }

    actor Log {
        var entries: [String] = []
        func add(_ entry: String) { entries.append(entry) }
    }

    @Test func oneTakesItsTurnWhileAnotherHasTheSameOne() async throws {
        try await Self.servers(3) { servers in
            let log = Log()
            let first = Task {
                try await servers[0].inTurn(.seeding) {
                    await log.add("first began")
                    // Held until the other kind of turn has run inside this one (or 30 s have
                    // passed, and the order below fails), then long enough for the second
                    // server to be waiting: a fixed wait alone lost the race on a busy machine.
                    var waited = 0
                    while await !log.entries.contains("another turn began"), waited < 3000 {
                        try await Task.sleep(for: .milliseconds(10))
                        waited += 1
                    }
                    try await Task.sleep(for: .milliseconds(300))
                    await log.add("first ended")
                }
            }
            while await log.entries.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            let second = Task { try await servers[1].inTurn(.seeding) { await log.add("second began") } }
            try await servers[2].inTurn(.migrating) { await log.add("another turn began") }
            try await first.value
            try await second.value
            #expect(await log.entries == ["first began", "another turn began", "first ended", "second began"])
        }
    }
}
