import Vapor

/// A listener of its own for `/metrics` (`CONCORD_METRICS_HOST` and `CONCORD_METRICS_PORT`), so
/// that metrics can be kept on an address the public never reaches. It serves nothing else.
enum MetricsListener {
    static func start(_ app: Application, host: String, port: Int) async throws -> HTTPServer {
        var configuration = app.http.server.configuration
        configuration.hostname = host
        configuration.port = port
        let server = HTTPServer(
            application: app, responder: MetricsOnly(), configuration: configuration, on: app.eventLoopGroup)
        try await server.start(address: nil)
        return server
    }

    private struct MetricsOnly: AsyncResponder {
        func respond(to request: Request) async throws -> Response {
            guard request.method == .GET || request.method == .HEAD, request.url.path == SiteRoute.metrics.path else {
                return Response(status: .notFound, body: .init(string: "not found\n"))
            }
            return await MetricsController().scrape(request)
        }
    }
}
