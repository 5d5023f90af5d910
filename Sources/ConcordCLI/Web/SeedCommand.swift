import ArgumentParser
import ConcordCore
import ConcordDemo
import ConcordStore
import ConcordWeb
import Foundation

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Adds example data: the demo, or volume for measuring.",
        discussion: """
            `concord seed demo` adds the demo partnerships, people, sign-ins and disputes to an empty database.
            `concord seed volume --partnership oldham --disputes 100000` adds that many realistic disputes to a \
            partnership that already has people (the demo's, for instance), through the engine and the store, spread \
            over --years years (3) and every stage and status. The same --seed gives the same disputes.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case demo, volume
    }

    @Argument(help: "What to seed: demo or volume.")
    var kind: Kind

    @Option(help: "volume: the partnership's slug.")
    var partnership: String?

    @Option(help: "volume: how many disputes to add.")
    var disputes: Int?

    @Option(help: "volume: the years the disputes are spread over.")
    var years = 3

    @Option(help: "volume: the random seed; the same seed gives the same disputes.")
    var seed: UInt64 = 1

    @Option(help: "volume: practitioners in each agency, added to the directory where it has fewer.")
    var practitioners = VolumeData.Options.defaultPractitioners

    func validate() throws {
        guard kind == .volume else { return }
        guard partnership != nil else { throw ValidationError("seed volume needs --partnership SLUG") }
        guard let disputes, disputes > 0 else { throw ValidationError("seed volume needs --disputes N, N at least 1") }
        guard (1...30).contains(years) else { throw ValidationError("--years must be between 1 and 30") }
        guard (1...1_000).contains(practitioners) else {
            throw ValidationError("--practitioners must be between 1 and 1000")
        }
    }

    func run() async throws {
        let configuration = try ConcordConfiguration.load()
        let holidays = try HolidaySource.current(configuration)
        if kind == .volume, let partnership, let disputes {
            let options = VolumeData.Options(
                partnership: partnership, disputes: disputes, years: years, seed: seed, practitioners: practitioners)
            try await StoreAccess.with(migrating: true) { database, _ in
                try await Self.volume(database, options, holidays: holidays)
            }
            return
        }
        try await StoreAccess.with(migrating: true) { database, _ in
            guard try await !DemoData.isSeeded(database) else {
                throw InvalidInput(
                    "the database at \(configuration.databaseURL) already has partnerships; demo data goes only into an empty database"
                )
            }
            try await Self.seed(database, holidays: holidays, cost: configuration.bcryptCost)
        }
    }

    /// Seeds the demo and prints its sign-ins, for someone trying Concord for the first time.
    static func seed(_ database: ConcordDatabase, holidays: HolidayTable, cost: Int) async throws {
        let signIns = try await DemoData.seed(
            database, hash: { try ConcordWeb.hashPassword($0, cost: cost) }, now: Date(), holidays: holidays)
        var table = Table("E-mail", "Role", "Partnership", "Who")
        for signIn in signIns {
            table.add(signIn.email, signIn.role.displayName, signIn.partnership ?? "", signIn.description)
        }
        Console.print("Demo data added. Every demo account's password is \(DemoData.password)")
        Console.print(table.render())
    }

    static func volume(_ database: ConcordDatabase, _ options: VolumeData.Options, holidays: HolidayTable) async throws
    {
        let bar = ProgressBar(total: options.disputes)
        let started = Date()
        do {
            try await VolumeData.seed(database, options, holidays: holidays, now: Date()) { bar.show($0) }
        } catch let error as DemoDataError {
            throw InvalidInput(error.description)
        }
        let seconds = Date().timeIntervalSince(started)
        bar.finish()
        Console.print(
            "Added \(options.disputes) disputes to \(options.partnership) in \(String(format: "%.1f", seconds)) s "
                + "(\(Int(Double(options.disputes) / max(seconds, 0.001))) a second).")
    }
}
