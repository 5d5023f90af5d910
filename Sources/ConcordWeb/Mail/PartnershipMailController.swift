import ConcordCore
import ConcordStore
import Vapor

/// The partnership's e-mail: what is queued, sent and failed, so that the business office
/// sees a message that did not arrive and can send it again. Scrutineers and auditors read it.
struct PartnershipMailController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.partnershipMail(.key), use: show)
        routes.post(.resendMail(.key, message: .key), use: resend)
    }

    struct Row: Encodable {
        var id: String
        var created: String
        var recipient: String
        var kind: String
        var reference: String
        var disputeHref: String?
        var tries: String
        var error: String
        var resendHref: String
    }

    struct MailPage: Encodable {
        var name: String
        var figures: [PartnershipController.Figure]
        var failed: [Row]
        var hasFailed: Bool
        var retrying: [Row]
        var hasRetrying: Bool
        var canResend: Bool
        var overviewHref: String
    }

    private func partnership(_ request: Request) async throws -> Directory.Partnership {
        let account = try request.requireAccount()
        guard let slug = request.parameters.get("partnership"),
            let partnership = try await request.concord.directory.partnership(slug: slug),
            account.role.isPartnershipWide, account.partnershipID == partnership.id
        else { throw Abort(.notFound) }
        request.partnershipSlug = slug
        return partnership
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let partnership = try await partnership(request)
        let outbox = request.concord.outbox
        let counts = try await outbox.counts(partnership: partnership.id)
        let failed = try await outbox.messages(partnership: partnership.id, status: [.failed])
        let retrying = try await outbox.messages(partnership: partnership.id, status: [.pending, .sending])
            .filter { $0.lastError != nil }
        let slug = Parameter<String>.value(partnership.slug)
        func row(_ message: OutboxMessage) -> Row {
            Row(
                id: message.id.uuidString, created: Formatting.time(message.createdAt),
                recipient: "\(message.recipientName) (\(message.recipientEmail ?? "no address"))",
                kind: message.kind.displayName, reference: message.reference ?? "–",
                disputeHref: message.disputeID.map { SiteRoute.dispute(.value($0)).path },
                tries: message.attempts == 1 ? "1 try" : "\(message.attempts) tries",
                error: message.lastError ?? "",
                resendHref: SiteRoute.resendMail(slug, message: .value(message.id)).path)
        }
        typealias Figure = PartnershipController.Figure
        let figures = [
            Figure(number: (counts[.pending] ?? 0) + (counts[.sending] ?? 0), label: "waiting to send", red: false),
            Figure(number: counts[.held] ?? 0, label: "held for daily digests", red: false),
            Figure(number: (counts[.sent] ?? 0) + (counts[.digested] ?? 0), label: "sent", red: false),
            Figure(number: counts[.failed] ?? 0, label: "failed", red: (counts[.failed] ?? 0) > 0),
        ]
        let page = MailPage(
            name: partnership.name, figures: figures, failed: failed.map(row), hasFailed: !failed.isEmpty,
            retrying: retrying.map(row), hasRetrying: !retrying.isEmpty,
            canResend: request.account?.role == .businessOffice, overviewHref: SiteRoute.partnership(slug).path)
        return try await request.page(
            "partnership-mail", title: "\(partnership.name): e-mail", page, notice: request.notice)
    }

    @Sendable func resend(_ request: Request) async throws -> Response {
        let partnership = try await partnership(request)
        guard request.account?.role == .businessOffice else { throw Abort(.forbidden) }
        guard
            try await request.concord.outbox.resend(
                try request.uuid("message"), partnership: partnership.id, at: request.now)
        else { throw Abort(.notFound) }
        return request.redirect(to: .partnershipMail(.value(partnership.slug)), notice: .resent)
    }
}
