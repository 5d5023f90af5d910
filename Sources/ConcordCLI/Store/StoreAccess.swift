import ConcordStore
import Logging

/// Opens the configured database for one command and closes it afterwards. Only `migrate`
/// changes the schema, so an auditor with a read-only role can still verify.
enum StoreAccess {
    static func with<T>(
        migrating: Bool = false, _ body: (ConcordDatabase, ConcordConfiguration) async throws -> T
    )
        async throws -> T
    {
        let configuration = try ConcordConfiguration.load()
        var logger = Logger(label: "concord")
        logger.logLevel = .warning
        let database = try await ConcordDatabase.open(configuration.databaseURL, logger: logger)
        do {
            if migrating {
                try await database.migrate()
            } else if case let pending = try await database.pendingMigrations(), pending > 0 {
                throw InvalidInput(
                    "the database at \(configuration.databaseURL) is not up to date (\(pending) migrations pending): run concord migrate"
                )
            }
            let result = try await body(database, configuration)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
