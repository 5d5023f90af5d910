import ConcordStore
import Vapor

extension ConcordWeb {
    /// Serves until the process is told to stop (Ctrl-C or SIGTERM), then stops in order: the
    /// server stops taking requests, the mail and deadline watch finishes the message it is
    /// sending and stops, and only then does the caller close the database they both use.
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
        do {
            try configure(app, services: services)
            try await app.execute()
        } catch {
            await stop(notifications, purge)
            try? await app.asyncShutdown()
            throw error
        }
        await stop(notifications, purge)
        try await app.asyncShutdown()
    }

    private static func stop(_ notifications: Task<Void, Never>?, _ purge: Task<Void, Never>) async {
        notifications?.cancel()
        purge.cancel()
        await notifications?.value
        await purge.value
    }

    /// bcrypt, for tools that create accounts outside a request.
    public static func hashPassword(_ password: String, cost: Int) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }
}
