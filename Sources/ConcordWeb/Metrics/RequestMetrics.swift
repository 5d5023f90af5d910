import Vapor

/// Counts and times every request by the pattern of the route it matched ("GET
/// /disputes/:dispute"), never its path, which can hold a reference. Requests that match no
/// route share one label, so an attacker sending made-up paths cannot add series without end.
struct RequestMetrics: AsyncMiddleware {
    static let unmatched = "unmatched"
    static let assets = "assets"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            record(request, response.status, started)
            return response
        } catch {
            record(request, (error as? any AbortError)?.status ?? .internalServerError, started)
            throw error
        }
    }

    private func record(_ request: Request, _ status: HTTPStatus, _ started: ContinuousClock.Instant) {
        request.concord.metrics.requestServed(route: Self.pattern(request), status: status, after: .now - started)
    }

    /// Static files are served before routing, so they have no route of their own.
    static func pattern(_ request: Request) -> String {
        if let route = request.route { return route.description }
        return request.url.path.hasPrefix("/assets/") ? assets : unmatched
    }
}
