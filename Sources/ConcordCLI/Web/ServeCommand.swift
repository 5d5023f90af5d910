import ArgumentParser
import ConcordCore
import ConcordDemo
import ConcordStore
import ConcordWeb
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Runs the Concord web app.",
        discussion: """
            Applies any pending migrations first. On an empty database it seeds the demo data and \
            prints the demo sign-ins, unless CONCORD_DEMO_DATA=off. See docs/operating.md.
            """)

    @Option(help: "The address to listen on (default CONCORD_HOST, else 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (default CONCORD_PORT, else 8080).")
    var port: Int?

    func run() async throws {
        var configuration = try ConcordConfiguration.load()
        if let host { configuration.host = host }
        if let port {
            guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
            configuration.port = port
        }
        // Before any logger is made: a logger keeps the handler it was made with.
        if configuration.monitoring.logFormat == .json { LoggingSystem.bootstrap { JSONLogHandler(label: $0) } }
        let holidays = try HolidaySource.current(configuration)
        var logger = Logger(label: "concord")
        logger.logLevel = .warning
        let database = try await ConcordDatabase.open(configuration.databaseURL, logger: logger)
        do {
            try await database.migrate()
            if configuration.demoOnFirstRun {
                // Servers started together on an empty database: the first seeds, the rest find it seeded.
                let cost = configuration.bcryptCost
                try await database.inTurn(.seeding) {
                    if try await !DemoData.isSeeded(database) {
                        try await SeedCommand.seed(database, holidays: holidays, cost: cost)
                    }
                }
            }
            let loopback = ["127.0.0.1", "localhost", "::1"].contains(configuration.host)
            let settings = WebSettings(
                host: configuration.host, port: configuration.port,
                secureCookies: configuration.secureCookies ?? !loopback, bcryptCost: configuration.bcryptCost,
                sessionIdleTimeout: TimeInterval(configuration.sessionIdleMinutes * 60),
                metricsToken: configuration.monitoring.metricsToken, metricsHost: configuration.monitoring.metricsHost,
                metricsPort: configuration.monitoring.metricsPort, trustedProxies: configuration.trustedProxies)
            Console.print(
                "Concord is running at http://\(configuration.host):\(configuration.port) (\(configuration.databaseURL))"
            )
            Console.print(MailSetup.describe(configuration))
            Console.print(configuration.monitoring.summary)
            let clock = SystemClock()
            try await ConcordWeb.run(
                services: ConcordServices(
                    database: database, settings: settings, clock: clock, holidays: holidays,
                    notices: NoticeSettings(publicURL: configuration.publicURL),
                    notifications: MailSetup.runner(
                        configuration, database: database, holidays: holidays, clock: clock)))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}
