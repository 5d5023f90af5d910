import ConcordStore
import Foundation

// Prints the figures recorded in docs/benchmarks.md. Run in release:
//   swift run -c release concord-benchmarks calendar
//   swift run -c release concord-benchmarks store sqlite:/tmp/bench.sqlite [events] [disputes]
//   swift run -c release concord-benchmarks store postgres://USER:PASS@127.0.0.1:PORT/DB [events] [disputes]
//   swift run -c release concord-benchmarks overdue DATABASE_URL   (again, on a database the store run filled)
//   swift run -c release concord-benchmarks sweep EMPTY_DATABASE_URL [open-stages]
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "calendar", nil:
    try await CalendarBenchmark.run()
case "store":
    guard arguments.count >= 2 else {
        print("usage: concord-benchmarks store DATABASE_URL [events] [open-disputes]")
        exit(2)
    }
    let events = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
    let disputes = arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000
    try await StoreBenchmark(url: try DatabaseURL(arguments[1])).run(events: events, openDisputes: disputes)
case "overdue":
    guard arguments.count == 2 else {
        print("usage: concord-benchmarks overdue DATABASE_URL")
        exit(2)
    }
    try await StoreBenchmark(url: try DatabaseURL(arguments[1])).overdueOnly()
case "sweep":
    guard arguments.count >= 2 else {
        print("usage: concord-benchmarks sweep EMPTY_DATABASE_URL [open-stages]")
        exit(2)
    }
    let stages = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
    try await SweepBenchmark(url: try DatabaseURL(arguments[1])).run(openStages: stages)
default:
    print(
        "usage: concord-benchmarks [calendar | store DATABASE_URL [events] [open-disputes] | sweep DATABASE_URL [open-stages]]"
    )
    exit(2)
}
