import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// The learning points of a partnership's disputes, gathered by period and theme, and the
/// themes given to each.
extension LearningRecords {
    /// One learning point with its dispute and the themes it has been given.
    public struct Entry: Hashable, Sendable {
        public var disputeID: UUID
        public var reference: String
        public var point: LearningPoint
        public var themes: [LearningTheme]
    }

    public enum ThemeChoice: Hashable, Sendable {
        case any
        case theme(UUID)
        /// Learning not yet given a theme.
        case none
    }

    public struct EntryPage: Sendable {
        public var entries: [Entry]
        public var hasMore: Bool
    }

    public static let entriesPerPage = 25

    /// The period's learning, most recent first, a page at a time. `query` chooses the
    /// partnership, the period (by when the learning was recorded) and the disputes' filters;
    /// `themes` are the partnership's, as the caller has already read them.
    public func entries(
        _ query: ReportQuery, theme: ThemeChoice, page: Int = 1, themes: [LearningTheme]
    ) async throws -> EntryPage {
        let sql = db as! any SQLDatabase
        let page = Self.page(page)
        let rows = try await sql.raw(
            """
            SELECT l.dispute_id, l.point_key, l.source, l.stage, l.recorded_on, l.text, l.policy_changes, d.reference
            FROM dispute_learning l JOIN disputes d ON d.id = l.dispute_id
            WHERE \(Self.period(query)) \(Self.chosen(theme))
            ORDER BY l.recorded_on DESC, d.reference DESC, l.point_key
            LIMIT \(unsafeRaw: String(Self.entriesPerPage + 1)) OFFSET \(unsafeRaw: String((page - 1) * Self.entriesPerPage))
            """
        ).all()
        var entries: [Entry] = []
        for row in rows.prefix(Self.entriesPerPage) {
            guard let source = LearningPoint.Source(rawValue: try row.decode(column: "source", as: String.self)),
                let recorded = LocalDate(iso: try row.decode(column: "recorded_on", as: String.self))
            else { continue }
            entries.append(
                Entry(
                    disputeID: try row.decode(column: "dispute_id", as: UUID.self),
                    reference: try row.decode(column: "reference", as: String.self),
                    point: LearningPoint(
                        key: try row.decode(column: "point_key", as: String.self), source: source,
                        stage: try row.decode(column: "stage", as: String?.self), recordedOn: recorded,
                        text: try row.decode(column: "text", as: String.self),
                        policyChanges: try row.decode(column: "policy_changes", as: String?.self)),
                    themes: []))
        }
        try await attachThemes(&entries, themes: themes)
        return EntryPage(entries: entries, hasMore: rows.count > Self.entriesPerPage)
    }

    /// One learning point of the partnership's, with its themes; nil when it has none so named.
    public func entry(dispute: UUID, key: String, partnership: UUID) async throws -> Entry? {
        try await entry(dispute: dispute, key: key, partnership: partnership, themes: themes(partnership: partnership))
    }

    private func entry(dispute: UUID, key: String, partnership: UUID, themes: [LearningTheme]) async throws -> Entry? {
        guard
            let model = try await DisputeLearningModel.query(on: db).filter(\.$disputeID == dispute)
                .filter(\.$pointKey == key).filter(\.$partnershipID == partnership).first(),
            let source = LearningPoint.Source(rawValue: model.source), let recorded = LocalDate(iso: model.recordedOn),
            let reference = try await DisputeModel.find(dispute, on: db)?.reference
        else { return nil }
        var entries = [
            Entry(
                disputeID: dispute, reference: reference,
                point: LearningPoint(
                    key: key, source: source, stage: model.stage, recordedOn: recorded, text: model.text,
                    policyChanges: model.policyChanges),
                themes: [])
        ]
        try await attachThemes(&entries, themes: themes)
        return entries.first
    }

    private func attachThemes(_ entries: inout [Entry], themes: [LearningTheme]) async throws {
        guard !entries.isEmpty else { return }
        let themes = Dictionary(themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let tags = try await LearningTagModel.query(on: db).filter(\.$disputeID ~~ Set(entries.map(\.disputeID))).all()
        for index in entries.indices {
            entries[index].themes = tags.filter {
                $0.disputeID == entries[index].disputeID && $0.pointKey == entries[index].point.key
            }
            .compactMap { themes[$0.themeID] }.sorted { $0.title.lowercased() < $1.title.lowercased() }
        }
    }

    /// Gives the learning point exactly `chosen` of the partnership's themes. Retired themes
    /// it already has may stay; no others may be added.
    public func setThemes(
        _ chosen: Set<UUID>, dispute: UUID, key: String, partnership: UUID, by account: Account, at now: Date
    ) async throws {
        let all = try await themes(partnership: partnership)
        guard let entry = try await entry(dispute: dispute, key: key, partnership: partnership, themes: all) else {
            throw LearningError.notFound
        }
        let had = Set(entry.themes.map(\.id))
        let offered = Set(all.filter { !$0.retired }.map(\.id)).union(had)
        guard chosen.isSubset(of: offered) else {
            throw LearningError.invalid(field: "themes", "Choose themes from the list")
        }
        let added = all.filter { chosen.contains($0.id) && !had.contains($0.id) }
        let removed = all.filter { had.contains($0.id) && !chosen.contains($0.id) }
        guard !added.isEmpty || !removed.isEmpty else { return }
        func titles(_ themes: [LearningTheme]) -> String {
            let quoted = themes.map { "“\($0.title)”" }
            return quoted.count < 2
                ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
        }
        let change = [
            added.isEmpty ? nil : "Gave it the theme\(added.count == 1 ? "" : "s") \(titles(added))",
            removed.isEmpty ? nil : "took away the theme\(removed.count == 1 ? "" : "s") \(titles(removed))",
        ].compactMap { $0 }.joined(separator: "; ")
        try await db.transaction { tx in
            for theme in added {
                try await LearningTagModel(disputeID: dispute, pointKey: key, themeID: theme.id).create(on: tx)
            }
            if !removed.isEmpty {
                try await LearningTagModel.query(on: tx).filter(\.$disputeID == dispute).filter(\.$pointKey == key)
                    .filter(\.$themeID ~~ removed.map(\.id)).delete()
            }
            let line = LearningHistoryModel(
                partnershipID: partnership, change: change.prefix(1).uppercased() + change.dropFirst(), by: account,
                at: now)
            line.disputeID = dispute
            line.pointKey = key
            try await line.create(on: tx)
        }
    }
}
