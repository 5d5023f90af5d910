import ConcordStore
import Leaf
import LeafKit
import NIOConcurrencyHelpers
import Vapor

/// Sets up the web app on a Vapor application: views, static files, sessions and routes.
public enum ConcordWeb {
    public static func configure(_ app: Application, services: ConcordServices) throws {
        app.concord = services
        app.http.server.configuration.hostname = services.settings.host
        app.http.server.configuration.port = services.settings.port
        // Child details are in form bodies and searches: no request is logged (Vapor's route
        // logging goes with its default middleware below), only failures, by their type.
        app.logger.logLevel = app.environment == .testing ? .warning : .info
        app.routes.defaultMaxBodySize = "1mb"
        let passwords = PasswordHasher(limit: services.settings.passwordHashLimit)
        app.storage[Application.PasswordHasherKey.self] = passwords
        app.lifecycle.use(PasswordHasherShutdown(hasher: passwords))
        app.storage[FormTokens.CacheKey.self] = .init(nil)

        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw Abort(.internalServerError, reason: "Concord's web resources are missing")
        }
        app.views.use(.leaf)
        // Not `.default`: it refuses any path with a hidden directory, and SwiftPM builds into `.build`.
        app.leaf.sources = .singleSource(
            NIOLeafFiles(
                fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                sandboxDirectory: resources.path + "/", viewDirectory: resources.path + "/Views/"))
        app.leaf.cache.isEnabled = app.environment.isRelease || app.environment == .testing

        app.middleware = .init()
        app.middleware.use(RequestMetrics())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPages())
        app.middleware.use(
            AssetMiddleware(directory: resources.appendingPathComponent("Public").path + "/"))
        app.middleware.use(SessionMiddleware())
        app.middleware.use(TextGuard())

        try app.register(collection: HealthController())
        if services.settings.metricsToken != nil { try app.register(collection: MetricsController()) }
        try app.register(collection: SignInController())
        let signedIn = app.routes.grouped(RequireSignIn())
        try signedIn.register(collection: MyWorkController())
        try signedIn.register(collection: DisputeListController())
        try signedIn.register(collection: RaiseController())
        try signedIn.register(collection: DisputeController())
        try signedIn.register(collection: DisputeActionController())
        try signedIn.register(collection: DocumentController())
        try signedIn.register(collection: PartnershipController())
        try signedIn.register(collection: ReportsController())
        try signedIn.register(collection: LearningController())
        try signedIn.register(collection: LearningPointController())
        try signedIn.register(collection: LearningThemesController())
        try signedIn.register(collection: LearningActionsController())
        try signedIn.register(collection: PartnershipMailController())
        try signedIn.register(collection: MailSettingsController())
        try signedIn.register(collection: AdminController())
        try signedIn.register(collection: PolicyEditorController())
    }
}
