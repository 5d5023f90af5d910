import FluentKit
import Synchronization

/// This process's copy of one database's directory. Each request reads the one-row version
/// (an indexed read, far cheaper than the directory) rather than trusting a timer, so an edit
/// made on any server is seen by every server's next request.
final class DirectoryCache: Sendable {
    private let latest = Mutex<DirectorySnapshot?>(nil)

    func snapshot(_ db: any Database) async throws -> DirectorySnapshot {
        let version = try await DirectoryVersion.current(db)
        if let cached = latest.withLock({ $0 }), cached.version == version { return cached }
        let fresh = try await DirectorySnapshot.load(db, version: version)
        latest.withLock { $0 = fresh }
        return fresh
    }
}
