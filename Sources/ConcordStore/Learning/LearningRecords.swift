import ConcordCore
import FluentKit
import Foundation

/// A partnership's learning loop: the themes it keeps, the themes given to each learning point
/// of its disputes, and the actions it takes on a theme. Every change is written with a line of
/// history saying who made it and when, in one transaction, and the history is never changed.
/// Every call names the partnership, and reads or changes nothing of another's.
public struct LearningRecords: Sendable {
    let database: ConcordDatabase

    public init(_ database: ConcordDatabase) {
        self.database = database
    }

    var db: any Database { database.database }

    /// A page number from an address, within reach: a huge one would overflow the offset.
    static func page(_ asked: Int) -> Int {
        min(max(asked, 1), 100_000)
    }

    // MARK: Themes

    /// In use first, then retired, each alphabetically.
    public func themes(partnership: UUID) async throws -> [LearningTheme] {
        try await LearningThemeModel.query(on: db).filter(\.$partnershipID == partnership).all().map(\.theme)
            .sorted { ($0.retired ? 1 : 0, $0.title.lowercased()) < ($1.retired ? 1 : 0, $1.title.lowercased()) }
    }

    public func theme(_ id: UUID, partnership: UUID) async throws -> LearningTheme? {
        try await themeModel(id, partnership: partnership)?.theme
    }

    func themeModel(_ id: UUID, partnership: UUID) async throws -> LearningThemeModel? {
        try await LearningThemeModel.query(on: db).filter(\.$id == id).filter(\.$partnershipID == partnership).first()
    }

    @discardableResult
    public func addTheme(
        _ title: String, partnership: UUID, by account: Account, at now: Date
    ) async throws
        -> LearningTheme
    {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = LearningTheme.problem(title: title, among: try await themes(partnership: partnership)) {
            throw LearningError.invalid(field: "title", problem)
        }
        let model = LearningThemeModel(partnershipID: partnership, title: title, createdAt: EventChain.timestamp(now))
        try await checkingTitle(title, partnership: partnership, except: nil) {
            try await db.transaction { tx in
                try await model.create(on: tx)
                let line = LearningHistoryModel(
                    partnershipID: partnership, change: "Added the theme “\(title)”", by: account, at: now)
                line.themeID = model.id
                try await line.create(on: tx)
            }
        }
        return model.theme
    }

    public func renameTheme(
        _ id: UUID, to title: String, partnership: UUID, by account: Account, at now: Date
    )
        async throws
    {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let model = try await themeModel(id, partnership: partnership) else { throw LearningError.notFound }
        if let problem = LearningTheme.problem(
            title: title, among: try await themes(partnership: partnership), except: id)
        {
            throw LearningError.invalid(field: "title", problem)
        }
        guard model.title != title else { return }
        let change = "Renamed the theme “\(model.title)” to “\(title)”"
        model.title = title
        try await checkingTitle(title, partnership: partnership, except: id) {
            try await save(model, partnership: partnership, change: change, theme: id, by: account, at: now)
        }
    }

    /// Runs `write`; when it fails because another request has just given a theme the same
    /// title, says so at the field rather than as an error of the server's.
    private func checkingTitle(
        _ title: String, partnership: UUID, except id: UUID?, _ write: () async throws -> Void
    ) async throws {
        do {
            try await write()
        } catch {
            let themes = try await themes(partnership: partnership)
            guard let problem = LearningTheme.problem(title: title, among: themes, except: id) else { throw error }
            throw LearningError.invalid(field: "title", problem)
        }
    }

    /// Retiring keeps the theme on the learning already given it, but offers it for no more.
    public func setRetired(
        _ retired: Bool, theme id: UUID, partnership: UUID, by account: Account, at now: Date
    )
        async throws
    {
        guard let model = try await themeModel(id, partnership: partnership) else { throw LearningError.notFound }
        guard model.retired != retired else { return }
        model.retired = retired
        let change = retired ? "Retired the theme “\(model.title)”" : "Brought back the theme “\(model.title)”"
        try await save(model, partnership: partnership, change: change, theme: id, by: account, at: now)
    }

    private func save(
        _ model: some Model, partnership: UUID, change: String, theme: UUID? = nil, action: UUID? = nil,
        by account: Account, at now: Date
    ) async throws {
        try await db.transaction { tx in
            try await model.update(on: tx)
            let line = LearningHistoryModel(partnershipID: partnership, change: change, by: account, at: now)
            line.themeID = theme
            line.actionID = action
            try await line.create(on: tx)
        }
    }

    // MARK: History

    /// A theme's, an action's or a learning point's changes, oldest first.
    public func history(_ subject: LearningSubject, partnership: UUID) async throws -> [LearningChange] {
        var query = LearningHistoryModel.query(on: db).filter(\.$partnershipID == partnership)
        switch subject {
        case .theme(let id): query = query.filter(\.$themeID == id).filter(\.$actionID == nil)
        case .action(let id): query = query.filter(\.$actionID == id)
        case .point(let dispute, let key): query = query.filter(\.$disputeID == dispute).filter(\.$pointKey == key)
        }
        return try await query.sort(\.$recordedAt).sort(\.$id).all().map {
            LearningChange(change: $0.change, by: $0.accountName, at: $0.recordedAt)
        }
    }
}

public enum LearningSubject: Hashable, Sendable {
    case theme(UUID)
    case action(UUID)
    case point(dispute: UUID, key: String)
}

/// One line of history: what changed, who changed it, and when ("2026-12-07T10:15:00.000Z").
public struct LearningChange: Hashable, Sendable {
    public var change: String
    public var by: String
    public var at: String
}

public enum LearningError: Error, Hashable, Sendable {
    /// What was asked is not a theme, action or learning point of the partnership's.
    case notFound
    /// `field` of the form, and what is wrong with it.
    case invalid(field: String, String)
}
