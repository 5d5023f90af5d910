import ConcordCore
import FluentKit
import Foundation
import SQLKit

/// What the partnership does about its themes' learning, tracked to done.
extension LearningRecords {
    /// What an action says, as its form gives it.
    public struct ActionDraft: Hashable, Sendable {
        public var theme: UUID
        public var action: String
        public var owner: String
        public var dueOn: LocalDate

        public init(theme: UUID, action: String, owner: String, dueOn: LocalDate) {
            self.theme = theme
            self.action = action
            self.owner = owner
            self.dueOn = dueOn
        }
    }

    public enum ActionList: String, Hashable, Sendable {
        /// Not done yet, soonest due first.
        case open
        /// Done, most recently completed first.
        case done
    }

    public struct ActionPage: Sendable {
        public var actions: [LearningAction]
        public var hasMore: Bool
    }

    public static let actionsPerPage = 25

    public func actions(partnership: UUID, _ list: ActionList, page: Int = 1) async throws -> ActionPage {
        var query = LearningActionModel.query(on: db).filter(\.$partnershipID == partnership)
        switch list {
        case .open: query = query.filter(\.$completedOn == nil).sort(\.$dueOn).sort(\.$createdOn)
        case .done: query = query.filter(\.$completedOn != nil).sort(\.$completedOn, .descending).sort(\.$dueOn)
        }
        let rows = try await query.sort(\.$id).range(
            (Self.page(page) - 1) * Self.actionsPerPage..<Self.page(page) * Self.actionsPerPage + 1
        ).all()
        let titles = try await themeTitles(partnership: partnership)
        let actions = rows.prefix(Self.actionsPerPage).compactMap { $0.action(themeTitle: titles[$0.themeID] ?? "") }
        return ActionPage(actions: actions, hasMore: rows.count > Self.actionsPerPage)
    }

    /// The actions worked on at some time from `from` to `to`, by theme and then due date, for
    /// the board report.
    public func actions(partnership: UUID, from: LocalDate, to: LocalDate) async throws -> [LearningAction] {
        let rows = try await LearningActionModel.query(on: db).filter(\.$partnershipID == partnership)
            .filter(\.$createdOn <= to.iso)
            .group(.or) { $0.filter(\.$completedOn == nil).filter(\.$completedOn >= from.iso) }
            .all()
        let titles = try await themeTitles(partnership: partnership)
        return rows.compactMap { $0.action(themeTitle: titles[$0.themeID] ?? "") }
            .sorted {
                ($0.themeTitle.lowercased(), $0.dueOn, $0.action) < ($1.themeTitle.lowercased(), $1.dueOn, $1.action)
            }
    }

    public func action(_ id: UUID, partnership: UUID) async throws -> LearningAction? {
        guard let model = try await actionModel(id, partnership: partnership) else { return nil }
        return model.action(themeTitle: try await theme(model.themeID, partnership: partnership)?.title ?? "")
    }

    private func actionModel(_ id: UUID, partnership: UUID) async throws -> LearningActionModel? {
        try await LearningActionModel.query(on: db).filter(\.$id == id).filter(\.$partnershipID == partnership).first()
    }

    private func themeTitles(partnership: UUID) async throws -> [UUID: String] {
        Dictionary(
            try await themes(partnership: partnership).map { ($0.id, $0.title) },
            uniquingKeysWith: { first, _ in first })
    }

    @discardableResult
    public func addAction(
        _ draft: ActionDraft, partnership: UUID, by account: Account, at now: Date
    ) async throws
        -> UUID
    {
        let theme = try await checked(draft, partnership: partnership, isNew: true)
        let model = LearningActionModel()
        model.partnershipID = partnership
        model.themeID = draft.theme
        model.action = draft.action.trimmingCharacters(in: .whitespacesAndNewlines)
        model.owner = draft.owner.trimmingCharacters(in: .whitespacesAndNewlines)
        model.dueOn = draft.dueOn.iso
        model.createdOn = LondonTime.date(of: now).iso
        try await db.transaction { tx in
            try await model.create(on: tx)
            let line = LearningHistoryModel(
                partnershipID: partnership,
                change: "Recorded the action for “\(theme.title)”, owned by \(model.owner), due \(draft.dueOn.text)",
                by: account, at: now)
            line.actionID = model.id
            line.themeID = draft.theme
            try await line.create(on: tx)
        }
        return model.id!
    }

    /// Changes what the action says; its history says what changed from what.
    public func updateAction(
        _ id: UUID, _ draft: ActionDraft, partnership: UUID, by account: Account, at now: Date
    )
        async throws
    {
        guard let model = try await actionModel(id, partnership: partnership) else { throw LearningError.notFound }
        let theme = try await checked(draft, partnership: partnership, isNew: model.themeID != draft.theme)
        var changes: [String] = []
        let action = draft.action.trimmingCharacters(in: .whitespacesAndNewlines)
        let owner = draft.owner.trimmingCharacters(in: .whitespacesAndNewlines)
        if model.themeID != draft.theme {
            let before = try await self.theme(model.themeID, partnership: partnership)?.title ?? ""
            changes.append("moved it from the theme “\(before)” to “\(theme.title)”")
        }
        if model.action != action { changes.append("reworded it from “\(model.action)”") }
        if model.owner != owner { changes.append("changed its owner from \(model.owner) to \(owner)") }
        if model.dueOn != draft.dueOn.iso {
            changes.append(
                "changed its due date from \(LocalDate(iso: model.dueOn)?.text ?? model.dueOn) to \(draft.dueOn.text)")
        }
        guard !changes.isEmpty else { return }
        model.themeID = draft.theme
        model.action = action
        model.owner = owner
        model.dueOn = draft.dueOn.iso
        let sentence = changes.joined(separator: "; ")
        try await saveAction(
            model, partnership: partnership, change: sentence.prefix(1).uppercased() + sentence.dropFirst(),
            by: account, at: now)
    }

    public func completeAction(
        _ id: UUID, on day: LocalDate, outcome: String, partnership: UUID, by account: Account, at now: Date
    ) async throws {
        guard let model = try await actionModel(id, partnership: partnership) else { throw LearningError.notFound }
        let outcome = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome.isEmpty { throw LearningError.invalid(field: "outcome", "Enter what was done") }
        if day > LondonTime.date(of: now) {
            throw LearningError.invalid(field: "completed", "The day it was done must be today or in the past")
        }
        // Done before it was recorded, it would be in no period's board report.
        if let recorded = LocalDate(iso: model.createdOn), day < recorded {
            throw LearningError.invalid(
                field: "completed", "The day it was done must be on or after \(recorded.text), when it was recorded")
        }
        guard model.completedOn == nil else { return }
        model.completedOn = day.iso
        model.outcome = outcome
        try await saveAction(
            model, partnership: partnership, change: "Marked done on \(day.text): \(outcome)", by: account, at: now)
    }

    /// For an action marked done too soon: it is open again, and its history keeps the completion.
    public func reopenAction(
        _ id: UUID, reason: String, partnership: UUID, by account: Account, at now: Date
    )
        async throws
    {
        guard let model = try await actionModel(id, partnership: partnership) else { throw LearningError.notFound }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { throw LearningError.invalid(field: "reason", "Enter why it is not done") }
        guard model.completedOn != nil else { return }
        model.completedOn = nil
        model.outcome = nil
        try await saveAction(model, partnership: partnership, change: "Reopened: \(reason)", by: account, at: now)
    }

    private func saveAction(
        _ model: LearningActionModel, partnership: UUID, change: String, by account: Account, at now: Date
    ) async throws {
        try await db.transaction { tx in
            try await model.update(on: tx)
            let line = LearningHistoryModel(partnershipID: partnership, change: change, by: account, at: now)
            line.actionID = model.id
            line.themeID = model.themeID
            try await line.create(on: tx)
        }
    }

    /// The draft's theme, when the draft will do; a new action needs a theme in use.
    private func checked(_ draft: ActionDraft, partnership: UUID, isNew: Bool) async throws -> LearningTheme {
        guard let theme = try await theme(draft.theme, partnership: partnership), !(isNew && theme.retired) else {
            throw LearningError.invalid(field: "theme", "Choose a theme from the list")
        }
        if draft.action.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw LearningError.invalid(field: "action", "Enter the action")
        }
        if draft.owner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw LearningError.invalid(field: "owner", "Enter who owns the action")
        }
        return theme
    }
}
