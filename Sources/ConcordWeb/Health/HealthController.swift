import ConcordStore
import Vapor

/// For load balancers and orchestrators: `/healthz` says the process is up; `/readyz` that its
/// database answers and has every migration, so a server is sent traffic only once it can serve
/// it. Neither needs a session, and neither says more than that: no versions, no errors.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.healthz, use: live)
        routes.get(.readyz, use: ready)
    }

    @Sendable func live(_ request: Request) async throws -> Response {
        Self.plain("ok", status: .ok)
    }

    @Sendable func ready(_ request: Request) async throws -> Response {
        let pending: Int
        do { pending = try await request.concord.database.pendingMigrations() } catch {
            request.logger.warning("readyz: the database did not answer")
            return Self.plain("not ready: the database does not answer", status: .serviceUnavailable)
        }
        guard pending == 0 else {
            return Self.plain(
                "not ready: \(pending) migration\(pending == 1 ? "" : "s") to run", status: .serviceUnavailable)
        }
        return Self.plain("ready", status: .ok)
    }

    private static func plain(_ text: String, status: HTTPStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: text + "\n"))
    }
}
