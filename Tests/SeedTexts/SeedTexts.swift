import Foundation

/// The protocols the built-in policies were written from (the "seeds"), for the tests that
/// check every quote in those policies word for word. They are looked for in
/// `CONCORD_SEEDS_DIR`, then beside the repository in `../shared/seeds`, where the project keeps
/// them, then in `Tests/Fixtures/seeds`, copies kept so that a clone on its own, and CI, check
/// the quotes too.
public enum SeedTexts {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = repositoryRoot.appendingPathComponent("../shared/seeds").standardizedFileURL
    public static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds")

    /// Where the texts are read from, or nil when they are nowhere. A `CONCORD_SEEDS_DIR` that is
    /// set is used as it is, so that a wrong one fails loudly instead of falling back.
    public static let directory: URL? = {
        if let set = ProcessInfo.processInfo.environment["CONCORD_SEEDS_DIR"] {
            return URL(fileURLWithPath: set, isDirectory: true)
        }
        return [shared, fixtures].first { isDirectory($0) }
    }()

    /// Why the quote checks did not run, for the skipped tests.
    public static let absence =
        "The seed protocols were found neither in CONCORD_SEEDS_DIR, nor in \(shared.path), nor in \(fixtures.path): the built-in policies' quotes are not checked against them"

    public static func text(_ file: String) throws -> String {
        guard let directory else { throw SeedTextError(description: absence) }
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SeedTextError(description: "seed \(file) is not in \(directory.path)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}

public struct SeedTextError: Error, CustomStringConvertible {
    public var description: String
}
