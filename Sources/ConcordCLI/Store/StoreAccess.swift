import ConcordStore
import Logging

/// Opens the configured database for one command, migrated, and closes it afterwards.
enum StoreAccess {
    static func with<T>(_ body: (ConcordDatabase, ConcordConfiguration) async throws -> T) async throws -> T {
        let configuration = try ConcordConfiguration.load()
        var logger = Logger(label: "concord")
        logger.logLevel = .warning
        let database = try ConcordDatabase.open(configuration.databaseURL, logger: logger)
        do {
            try await database.migrate()
            let result = try await body(database, configuration)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
