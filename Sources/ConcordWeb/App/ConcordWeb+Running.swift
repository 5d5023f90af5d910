import ConcordStore
import Vapor

extension ConcordWeb {
    /// Serves until the process is told to stop (Ctrl-C or SIGTERM), then stops in order: the
    /// server (and the metrics listener) stops taking requests, the mail and deadline watch
    /// finishes the message it is sending and stops, and only then does the caller close the
    /// database they both use.
    public static func run(services: ConcordServices) async throws {
        let settings = services.settings
        // Vapor reads its own arguments; give it only what its serve command needs.
        let environment = Environment(
            name: "production",
            arguments: ["concord", "serve", "--hostname", settings.host, "--port", String(settings.port)])
        let app = try await Application.make(environment)
        let notifications = services.notifications.map { runner in
            Task { [logger = app.logger] in await runner.reporting(to: services.metrics).run(logger: logger) }
        }
        let purge = Task { [logger = app.logger] in
            await SessionPurge(sessions: services.sessions, clock: services.clock).run(logger: logger)
        }
        var metrics: HTTPServer?
        do {
            try configure(app, services: services)
            if let port = settings.metricsPort {
                metrics = try await MetricsListener.start(app, host: settings.metricsHost, port: port)
            }
            try await app.execute()
        } catch {
            await stop(metrics, notifications, purge)
            try? await app.asyncShutdown()
            throw error
        }
        await stop(metrics, notifications, purge)
        try await app.asyncShutdown()
    }

    private static func stop(
        _ metrics: HTTPServer?, _ notifications: Task<Void, Never>?, _ purge: Task<Void, Never>
    ) async {
        await metrics?.shutdown()
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
