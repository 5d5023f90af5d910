import ConcordCore
import Foundation

/// Prints throughput figures for docs/benchmarks.md. Run in release:
/// `swift run -c release concord-benchmarks`.

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

func measure(_ label: String, count: Int, _ body: () throws -> Int) rethrows {
    let clock = ContinuousClock()
    var checksum = 0
    let elapsed = try clock.measure { checksum = try body() }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(count) / seconds
    print(
        String(
            format: "%@: %d operations in %.3f s = %.0f per second (checksum %d)", label, count, seconds, rate, checksum
        ))
}

let queries = 1_000_000
var random = SplitMix64(state: 2026)
let first = LocalDate(iso: "1995-01-01")!.dayNumber
let last = LocalDate(iso: "2099-12-31")!.dayNumber
let starts = (0..<queries).map { _ in LocalDate(dayNumber: random.next(in: first...last)) }
let amounts = (0..<queries).map { _ in random.next(in: 0...60) }
let closures = (2026...2030).flatMap { year in (27...31).map { LocalDate(year: year, month: 12, day: $0)! } }

print("Calendar benchmark: \(queries) random queries, starts 1995–2099, 0–60 working days")
let england = WorkingCalendar(region: .englandAndWales)
let partnership = WorkingCalendar(region: .englandAndWales, closureDays: closures)
try measure("add working days (England and Wales)", count: queries) {
    var sum = 0
    for index in 0..<queries { sum &+= try england.adding(workingDays: amounts[index], to: starts[index]).dayNumber }
    return sum
}
try measure("add working days (with 25 closure days)", count: queries) {
    var sum = 0
    for index in 0..<queries {
        sum &+= try partnership.adding(workingDays: amounts[index], to: starts[index]).dayNumber
    }
    return sum
}
try measure("working days between", count: queries) {
    var sum = 0
    for index in 0..<queries {
        sum &+= try england.workingDays(from: starts[index], to: starts[index].adding(days: amounts[index]))
    }
    return sum
}
measure("build a calendar (rules + official list)", count: 100) {
    (0..<100).reduce(0) { sum, _ in sum &+ WorkingCalendar(region: .scotland, closureDays: closures).closureDays.count }
}
