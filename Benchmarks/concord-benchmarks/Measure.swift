import Foundation

/// SplitMix64, so every run draws the same queries.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `body`, printing how long it took and how many operations per second that is.
func measure(_ label: String, count: Int, _ body: () async throws -> Void) async rethrows {
    let elapsed = try await ContinuousClock().measure { try await body() }
    let time = seconds(elapsed)
    print(String(format: "%@: %d in %.3f s = %.0f per second", label, count, time, Double(count) / time))
}
