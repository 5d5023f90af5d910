import ConcordCore
import ConcordStore
import Vapor

struct DisputeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.dispute(.key), use: show)
        routes.get(.accessLog(.key), use: accessLog)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        try await request.logAccess(dispute, "viewed")
        let person = try await request.person(of: dispute.account)
        var page = try DisputePage(
            dispute, today: LondonTime.date(of: request.now),
            actions: ActionAvailability.actions(for: dispute, person: person))
        if Self.mayReadAccessLog(dispute) { page.accessLogHref = SiteRoute.accessLog(.value(dispute.id)).path }
        page.documents = DocumentLinks.links(for: dispute)
        // The reference identifies the dispute without saying anything about the child.
        return try await request.page("dispute", title: "Dispute \(page.reference)", page, notice: request.notice)
    }

    struct AccessLogPage: Encodable {
        struct Entry: Encodable {
            var who: String
            var role: String
            var action: String
            var at: String
        }

        var reference: String
        var disputeHref: String
        var entries: [Entry]
    }

    @Sendable func accessLog(_ request: Request) async throws -> Response {
        let dispute = try await request.visibleDispute()
        guard Self.mayReadAccessLog(dispute) else { throw Abort(.forbidden) }
        try await request.logAccess(dispute, "read the access log")
        let entries = try await request.concord.accessLog.entries(dispute: dispute.id).reversed().map { entry in
            AccessLogPage.Entry(
                who: entry.accountName, role: entry.role?.displayName ?? "", action: entry.action,
                at: Formatting.time(entry.at))
        }
        return try await request.page(
            "access-log", title: "Access log for dispute \(dispute.loaded.state.reference)",
            AccessLogPage(
                reference: dispute.loaded.state.reference, disputeHref: SiteRoute.dispute(.value(dispute.id)).path,
                entries: entries))
    }

    /// The business office answers for who has seen its partnership's disputes; auditors check it.
    static func mayReadAccessLog(_ dispute: VisibleDispute) -> Bool {
        dispute.relation == .partnership(.businessOffice) || dispute.relation == .partnership(.auditor)
    }
}
