import ConcordCore
import ConcordStore
import Vapor

/// One installed version's page, and making an earlier version current again: the way back
/// from a newer version that turned out wrong, since uploading the earlier text again only
/// finds it already installed.
extension AdminPolicies {
    struct VersionPage: Encodable {
        var partnership: String
        var backHref: String
        var sha: String
        var shortSHA: String
        var policyID: String
        var installed: String
        var reinstated: String?
        var current: Bool
        var makeCurrentHref: String
        var lines: [String]
    }

    static let madeCurrent = Notice(
        success: true, heading: "Version made current",
        text:
            "New disputes follow it from now, or from its effective date if that is later. Disputes already raised keep the version they were raised under."
    )

    /// "Made current again on 3 December 2026 at 10:00 by Ann Admin".
    static func reinstated(_ version: Directory.PolicyVersion) -> String? {
        guard let at = version.reinstatedAt else { return nil }
        return "Made current again on \(Formatting.time(at)) by \(version.reinstatedBy ?? "an administrator")"
    }

    @Sendable func version(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let versions = try await request.concord.directory.policyVersions(partnership: partnership.id)
        guard let sha = request.parameters.get("sha"), let version = versions.first(where: { $0.sha256 == sha })
        else { throw Abort(.notFound) }
        let current = try await request.concord.directory.currentPolicies(
            partnership: partnership.id, on: LondonTime.date(of: request.now)
        ).contains { $0.version == sha }
        var lines = version.yaml.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let slug = Parameter<String>.value(partnership.slug)
        return try await request.page(
            "admin/policy-version", title: "Policy version \(sha.prefix(12))",
            VersionPage(
                partnership: partnership.name, backHref: SiteRoute.adminPolicies(slug).path,
                sha: sha, shortSHA: String(sha.prefix(12)), policyID: version.policyID,
                installed: Formatting.time(version.installedAt), reinstated: Self.reinstated(version),
                current: current, makeCurrentHref: SiteRoute.adminPolicyMakeCurrent(slug, sha: .value(sha)).path,
                lines: lines))
    }

    @Sendable func makeCurrent(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        guard let sha = request.parameters.get("sha") else { throw Abort(.notFound) }
        do {
            try await request.concord.directory.reinstatePolicy(
                sha256: sha, partnership: partnership.id, by: try request.requireAccount(), at: request.now)
        } catch StoreError.notFound {
            throw Abort(.notFound)
        }
        return request.redirect(
            to: SiteRoute.adminPolicies(.value(partnership.slug)).path + "?done=current", redirectType: .normal)
    }
}
