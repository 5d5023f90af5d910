import ConcordCore
import ConcordStore
import Vapor

/// A partnership's reports for its business office, independent scrutineer and auditors: the
/// page with its charts, each table as CSV, and the printable board report, with a version for
/// publication. Nobody else learns that the partnership exists here.
struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.reports(.key), use: page)
        routes.get(.reportCSV(.key, table: .key), use: csv)
        routes.get(.boardReport(.key), use: board)
    }

    /// The partnership, when the account is one of those who read its reports.
    private func partnership(_ request: Request) async throws -> Directory.Partnership {
        let account = try request.requireAccount()
        guard let slug = request.parameters.get("partnership"),
            let partnership = try await request.directory().partnership(slug: slug),
            account.role.isPartnershipWide, account.partnershipID == partnership.id
        else { throw Abort(.notFound) }
        request.partnershipSlug = slug
        return partnership
    }

    struct Page: Encodable {
        var name: String
        var fields: [FormField]
        var formHref: String
        var errors: FormErrors
        var hasErrors: Bool
        var report: ReportPage?
        var boardHref: String
        var publicationHref: String
    }

    @Sendable func page(_ request: Request) async throws -> Response {
        let partnership = try await partnership(request)
        let asked = try await ReportRequest.read(request, partnership: partnership)
        var fields = asked.fields
        let errors = asked.errors.apply(to: &fields)
        let slug = partnership.slug
        let report = try await asked.report(request, partnership: partnership).map {
            ReportPage(
                $0, publication: false, charts: true,
                csvHref: { SiteRoute.reportCSV(.value(slug), table: .value($0)).path + asked.queryString })
        }
        return try await request.page(
            "reports", title: "\(partnership.name): reports",
            Page(
                name: partnership.name, fields: fields, formHref: SiteRoute.reports(.value(slug)).path, errors: errors,
                hasErrors: !errors.isEmpty, report: report,
                boardHref: SiteRoute.boardReport(.value(slug)).path + asked.queryString,
                publicationHref: SiteRoute.boardReport(.value(slug)).path
                    + ListRequest.queryString(asked.parameters + [("publication", "yes")])),
            status: errors.isEmpty ? .ok : .badRequest)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let partnership = try await partnership(request)
        let asked = try await ReportRequest.read(request, partnership: partnership)
        guard asked.errors.isEmpty, let report = try await asked.report(request, partnership: partnership),
            let id = request.parameters.get("table"), let table = report.tables.first(where: { $0.id == id })
        else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(string: CSVWriter.csv(table, publication: asked.publication)))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name =
            "\(partnership.slug)-\(report.from.iso)-to-\(report.to.iso)-\(id)"
            + (asked.publication ? "-for-publication" : "")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct Board: Encodable {
        var report: ReportPage
        var publication: Bool
        var backHref: String
    }

    @Sendable func board(_ request: Request) async throws -> Response {
        let partnership = try await partnership(request)
        let asked = try await ReportRequest.read(request, partnership: partnership)
        guard asked.errors.isEmpty, let report = try await asked.report(request, partnership: partnership) else {
            throw Abort(.notFound)
        }
        // Bars would show the sizes of groups under 5 that the published figures hide.
        let page = ReportPage(report, publication: asked.publication, charts: !asked.publication, csvHref: nil)
        return try await request.page(
            "board-report",
            title: "\(partnership.name): board report" + (asked.publication ? " for publication" : ""),
            Board(
                report: page, publication: asked.publication,
                backHref: SiteRoute.reports(.value(partnership.slug)).path
                    + ListRequest.queryString(asked.parameters.filter { $0.0 != "publication" })))
    }
}
