import ConcordStore
import Vapor

extension ConcordWeb {
    /// Serves until the process is told to stop (Ctrl-C or SIGTERM).
    public static func run(services: ConcordServices) async throws {
        let settings = services.settings
        // Vapor reads its own arguments; give it only what its serve command needs.
        let environment = Environment(
            name: "production",
            arguments: ["concord", "serve", "--hostname", settings.host, "--port", String(settings.port)])
        let app = try await Application.make(environment)
        let notifications = services.notifications.map { runner in
            Task { [logger = app.logger] in await runner.run(logger: logger) }
        }
        let purge = Task { [logger = app.logger] in
            await SessionPurge(sessions: services.sessions, clock: services.clock).run(logger: logger)
        }
        defer {
            notifications?.cancel()
            purge.cancel()
        }
        do {
            try configure(app, services: services)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// bcrypt, for tools that create accounts outside a request.
    public static func hashPassword(_ password: String, cost: Int) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }
}
