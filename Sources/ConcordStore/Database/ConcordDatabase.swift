import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// An open connection pool to Concord's database, SQLite or PostgreSQL.
public final class ConcordDatabase: Sendable {
    public enum Kind: Sendable { case sqlite, postgres }

    public let kind: Kind
    public let url: DatabaseURL
    let databases: Databases
    let logger: Logger
    /// Partnerships, agencies and people as this process last read them.
    let directoryCache = DirectoryCache()
    private let ownedGroup: MultiThreadedEventLoopGroup?

    public static func open(
        _ url: DatabaseURL, logger: Logger = Logger(label: "concord.store")
    ) async throws
        -> ConcordDatabase
    {
        switch url {
        case .sqlite(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // One event loop means one SQLite connection: writers queue in-process instead of
            // failing with SQLITE_BUSY.
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let databases = Databases(threadPool: .singleton, on: group)
            // Requests queue for that connection, so allow a long queue rather than fail.
            databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(120), sqlLogLevel: .trace), as: .sqlite)
            let database = ConcordDatabase(kind: .sqlite, url: url, databases: databases, logger: logger, group: group)
            do {
                try await database.prepareSQLite()
            } catch {
                await database.shutdown()
                throw error
            }
            return database
        case .postgres(let text):
            let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
            do {
                // Commands queue on the chain lock; under a burst, wait for a connection rather
                // than fail the request after the driver's default ten seconds.
                databases.use(
                    try .postgres(
                        url: text, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(60),
                        sqlLogLevel: .trace),
                    as: .psql)
            } catch {
                // The driver's own error can carry the whole URL, password and all.
                throw DatabaseURLError(
                    text, "the PostgreSQL driver could not use it (check the user, host, port, database and sslmode)")
            }
            return ConcordDatabase(kind: .postgres, url: url, databases: databases, logger: logger, group: nil)
        }
    }

    private init(
        kind: Kind, url: DatabaseURL, databases: Databases, logger: Logger, group: MultiThreadedEventLoopGroup?
    ) {
        self.kind = kind
        self.url = url
        self.databases = databases
        self.logger = logger
        self.ownedGroup = group
    }

    /// Everything that uses the database must have stopped before `shutdown()`: after it
    /// there is no database to hand out.
    public var database: any Database {
        guard let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
            preconditionFailure("the database was used after ConcordDatabase.shutdown()")
        }
        return database
    }

    /// Applies every migration not yet applied, in order, one process at a time (`inTurn`).
    public func migrate() async throws {
        let migrations = Migrations()
        migrations.add(ConcordMigrations.all)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        try await inTurn(.migrating) {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// Write-ahead logging, so readers never wait for the writer; every commit synced to disk,
    /// so nothing acknowledged is lost in a power cut; a busy timeout for another process
    /// holding the file; and a page cache big enough for the indexes of a partnership's years
    /// of disputes (SQLite's default of 2 MB had writes reading and rewriting index pages).
    private func prepareSQLite() async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA synchronous = FULL").run()
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(Self.sqliteCacheKiB))").run()
    }

    /// Negative: in KiB, as SQLite counts it (64 MB).
    static let sqliteCacheKiB = -65_536

    /// How many of Concord's migrations this database has not had yet.
    public func pendingMigrations() async throws -> Int {
        let sql = database as! any SQLDatabase
        let applied: Int
        do {
            applied =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("_fluent_migrations").first()?.decode(column: "n", as: Int.self) ?? 0
        } catch {
            return ConcordMigrations.all.count
        }
        return max(0, ConcordMigrations.all.count - applied)
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await ownedGroup?.shutdownGracefully()
    }
}
