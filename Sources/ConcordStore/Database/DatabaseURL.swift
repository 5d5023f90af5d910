import Foundation

/// Where Concord keeps its data, from `DATABASE_URL`: `sqlite:PATH` (a file, created on first
/// use) or a `postgres://` URL.
public enum DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public init(_ text: String) throws(DatabaseURLError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw DatabaseURLError(text, "give a file path after sqlite:") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), components.host?.isEmpty == false,
                components.path.count > 1
            else { throw DatabaseURLError(text, "expected postgres://USER:PASSWORD@HOST:PORT/DATABASE") }
            self = .postgres(url: text.hasPrefix("postgresql://") ? "postgres://" + text.dropFirst(13) : text)
        } else {
            throw DatabaseURLError(text, "expected sqlite:PATH or a postgres:// URL")
        }
    }

    /// Safe to print: a PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "****" }
            return components.string ?? "postgres://…"
        }
    }
}

public struct DatabaseURLError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ value: String, _ expected: String) {
        // Never echo a URL that may hold a password.
        let shown = value.hasPrefix("sqlite:") ? value : String(value.prefix(while: { $0 != ":" }))
        description = "DATABASE_URL \"\(shown)…\" is not usable: \(expected)"
    }
}
