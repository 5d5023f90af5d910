import ConcordCore
import ConcordStore
import Vapor

/// Deletes expired sessions every so often while the server runs: otherwise an expired
/// session goes only when its cookie comes back, and most never do.
struct SessionPurge: Sendable {
    let sessions: WebSessions
    let clock: any WallClock
    var interval: Duration = .seconds(10 * 60)

    /// Runs until cancelled; a failed round is logged by type alone and tried again next time.
    func run(logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await sessions.purgeExpired(at: clock.now())
            } catch {
                logger.error("session purge failed: \(String(reflecting: type(of: error)))")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
