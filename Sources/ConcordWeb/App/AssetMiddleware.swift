import Crypto
import Vapor

/// Serves Concord's own static files under `/assets/`. Links carry a hash of the file, so
/// browsers may keep each version for a year and still never see a stale stylesheet.
struct AssetMiddleware: AsyncMiddleware {
    let directory: String

    nonisolated(unsafe) static var stylesheetPath = "/assets/concord.css"

    init(directory: String) {
        self.directory = directory
        if let data = FileManager.default.contents(atPath: directory + "concord.css") {
            let digest = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
            Self.stylesheetPath = "/assets/concord.css?v=\(digest)"
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.hasPrefix("/assets/"), request.method == .GET || request.method == .HEAD else {
            return try await next.respond(to: request)
        }
        let name = String(path.dropFirst("/assets/".count))
        guard !name.isEmpty, !name.contains(".."), !name.hasPrefix("/"),
            FileManager.default.fileExists(atPath: directory + name)
        else { throw Abort(.notFound) }
        let response = try await request.fileio.asyncStreamFile(at: directory + name)
        response.headers.replaceOrAdd(
            name: .cacheControl,
            value: request.url.query == nil ? "public, max-age=3600" : "public, max-age=31536000, immutable")
        return response
    }
}
