import Foundation

extension Array where Element: Sendable {
    /// `map`, with the elements shared out in order among one task per core. For CPU-bound
    /// work on many elements (deciding and encoding events, replaying them), where a single
    /// core was the limit.
    func concurrentMap<Result: Sendable>(
        minimumPerTask: Int = 25, _ transform: @escaping @Sendable (Element) throws -> Result
    ) async throws -> [Result] {
        let tasks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerTask))
        guard tasks > 1 else { return try map(transform) }
        let share = (count + tasks - 1) / tasks
        return try await withThrowingTaskGroup(of: (Int, [Result]).self) { group in
            for task in 0..<tasks {
                let part = self[Swift.min(task * share, count)..<Swift.min((task + 1) * share, count)]
                group.addTask { (task, try part.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
