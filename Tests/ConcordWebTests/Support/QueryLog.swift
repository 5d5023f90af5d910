import Logging
import Synchronization

/// The SQL statements a database runs, counted from the drivers' own query log (each logs
/// "Executing query" at the level Concord gives them), so a test can see what a page costs.
final class QueryLog: Sendable {
    private let statements = Mutex<[String]>([])

    /// A logger for `ConcordDatabase.open` that records every statement and prints nothing.
    var logger: Logger {
        var logger = Logger(label: "concord.store") { _ in Handler(queries: self) }
        logger.logLevel = .trace
        return logger
    }

    /// The statements run while `body` ran.
    func during(_ body: () async throws -> Void) async rethrows -> [String] {
        let start = statements.withLock { $0.count }
        try await body()
        return statements.withLock { Array($0[start...]) }
    }

    private struct Handler: LogHandler {
        let queries: QueryLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.message.description == "Executing query", case .string(let sql) = event.metadata?["sql"]
            else { return }
            queries.statements.withLock { $0.append(sql) }
        }
    }
}
