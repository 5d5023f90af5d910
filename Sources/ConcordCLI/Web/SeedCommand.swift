import ArgumentParser
import ConcordCore
import ConcordDemo
import ConcordStore
import ConcordWeb
import Foundation

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fills an empty database with example data.",
        discussion: "`concord seed demo` adds the demo partnerships, people, sign-ins and disputes.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case demo
    }

    @Argument(help: "What to seed: demo.")
    var kind: Kind

    func run() async throws {
        let configuration = try ConcordConfiguration.load()
        let holidays = try HolidaySource.current(configuration)
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
}
