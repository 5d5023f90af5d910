import ConcordStore
import Vapor

extension Request {
    private struct DirectoryKey: StorageKey { typealias Value = DirectorySnapshot }

    /// The directory as this request found it: read once, however many times the page asks, so
    /// a page never mixes two versions of it.
    func directory() async throws -> DirectorySnapshot {
        if let read = storage[DirectoryKey.self] { return read }
        let read = try await concord.directory.snapshot()
        storage[DirectoryKey.self] = read
        return read
    }
}
