import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on standard error, redrawn in place, only when standard error is a
/// terminal: logs and pipes get the summary line alone.
final class ProgressBar: Sendable {
    let total: Int
    let shown: Bool

    init(total: Int) {
        self.total = total
        shown = isatty(STDERR_FILENO) == 1
    }

    func show(_ done: Int) {
        guard shown, total > 0 else { return }
        let width = 40
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
