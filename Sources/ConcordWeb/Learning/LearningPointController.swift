import ConcordCore
import ConcordStore
import Vapor

/// One learning point: what was learned, where, the themes it has been given, and who gave
/// them when. The business office chooses its themes here.
struct LearningPointController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.learningPoint(.key, dispute: .key, point: .key), use: show)
        routes.checkingAnswers.post(.learningPoint(.key, dispute: .key, point: .key), use: save)
    }

    struct Page: Encodable {
        var name: String
        var entries: [LearningController.EntryView]
        var backHref: String
        var mayEdit: Bool
        var fields: [FormField]
        var hasThemes: Bool
        var themesHref: String
        var postHref: String
        var errors: FormErrors
        var hasErrors: Bool
        var history: [HistoryRow]
        var hasHistory: Bool
    }

    private func found(_ request: Request, _ access: LearningAccess) async throws -> LearningRecords.Entry {
        guard let dispute = request.parameters.get("dispute").flatMap(UUID.init(uuidString:)),
            let key = request.parameters.get("point"), LearningPoint.isKey(key),
            let entry = try await access.records.entry(dispute: dispute, key: key, partnership: access.partnership.id)
        else { throw Abort(.notFound) }
        return entry
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        return try await render(request, access, try await found(request, access), chosen: nil, errors: FormErrors())
    }

    @Sendable func save(_ request: Request) async throws -> Response {
        let access = try await request.learningAccess()
        try access.requireEditor()
        let entry = try await found(request, access)
        let sent = FormValues(request)
        let chosen = sent.all("themes").compactMap { UUID(uuidString: $0) }
        let errors = try await access.objection {
            try await access.records.setThemes(
                Set(chosen), dispute: entry.disputeID, key: entry.point.key, partnership: access.partnership.id,
                by: access.account, at: request.now)
        }
        guard errors.isEmpty else {
            return try await render(request, access, entry, chosen: Set(chosen), errors: errors)
        }
        return request.redirect(
            to: .learningPoint(access.slug, dispute: .value(entry.disputeID), point: .value(entry.point.key)),
            notice: .saved)
    }

    private func render(
        _ request: Request, _ access: LearningAccess, _ entry: LearningRecords.Entry, chosen: Set<UUID>?,
        errors: FormErrors
    ) async throws -> Response {
        let titles = try await LearningController.stageTitles(request, access)
        let had = Set(entry.themes.map(\.id))
        let chosen = chosen ?? had
        let offered = try await access.records.themes(partnership: access.partnership.id)
            .filter { !$0.retired || had.contains($0.id) }
        var fields = [
            FormField(
                .checkboxes, name: "themes", label: "Themes",
                hint: "Choose every theme this learning is about. Retired themes are offered only where already given.",
                options: offered.map {
                    .option(
                        $0.id.uuidString.lowercased(), $0.title + ($0.retired ? " (retired)" : ""),
                        selected: chosen.contains($0.id))
                })
        ]
        let linked = errors.apply(to: &fields)
        let history = try await access.records.history(
            .point(dispute: entry.disputeID, key: entry.point.key), partnership: access.partnership.id)
        let page = Page(
            name: access.partnership.name,
            entries: [LearningController.entry(request, entry, access: access, titles: titles)],
            backHref: SiteRoute.learning(access.slug).path, mayEdit: access.mayEdit, fields: fields,
            hasThemes: !offered.isEmpty, themesHref: SiteRoute.learningThemes(access.slug).path,
            postHref: SiteRoute.learningPoint(
                access.slug, dispute: .value(entry.disputeID), point: .value(entry.point.key)
            )
            .path, errors: linked, hasErrors: !linked.isEmpty, history: history.map(HistoryRow.init),
            hasHistory: !history.isEmpty)
        return try await request.page(
            "learning-point", title: (linked.isEmpty ? "" : "Error: ") + "Learning from \(entry.reference)", page,
            status: linked.isEmpty ? .ok : .unprocessableEntity, notice: linked.isEmpty ? request.notice : nil)
    }
}
