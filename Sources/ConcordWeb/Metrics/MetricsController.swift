import Crypto
import Vapor

/// `GET /metrics`, in Prometheus's text format. With `CONCORD_METRICS_TOKEN` set, only a request
/// bearing that token is answered, on whichever port serves it.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.metrics, use: scrape)
    }

    @Sendable func scrape(_ request: Request) async -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if let token = request.concord.settings.metricsToken, !Self.bears(token, request) {
            // Returned, not thrown: the error pages would send a browser to sign in instead.
            headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            return Response(status: .unauthorized, headers: headers)
        }
        let text = await request.concord.metrics.exposition(outbox: request.concord.outbox, logger: request.logger)
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// Compares digests, whose equality swift-crypto checks in constant time, so neither the
    /// token's characters nor its length can be learnt from how long a refusal takes.
    static func bears(_ token: String, _ request: Request) -> Bool {
        guard let sent = request.headers.bearerAuthorization?.token else { return false }
        return SHA256.hash(data: Data(sent.utf8)) == SHA256.hash(data: Data(token.utf8))
    }
}
