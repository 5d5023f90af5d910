import Foundation

extension PartnershipReport {
    /// What the period's learning was about, by theme, and what the partnership is doing
    /// about it. Learning counts by when it was recorded, whenever its dispute was raised.
    public struct Learning: Hashable, Sendable {
        public struct Theme: Hashable, Sendable {
            /// The theme's id; nil for learning not yet given a theme.
            public var id: UUID?
            public var title: String
            public var points: Int
            public var disputes: Int

            public init(id: UUID?, title: String, points: Int, disputes: Int) {
                self.id = id
                self.title = title
                self.points = points
                self.disputes = disputes
            }
        }

        /// Every theme in use, then those with learning in the period that have been retired.
        public var themes: [Theme]
        public var withoutTheme: Theme
        /// Actions worked on at some time in the period: created by its end and not done before its start.
        public var actions: [LearningAction]
        /// The day the actions' status is told on.
        public var today: LocalDate

        public init(themes: [Theme], withoutTheme: Theme, actions: [LearningAction], today: LocalDate) {
            self.themes = themes
            self.withoutTheme = withoutTheme
            self.actions = actions
            self.today = today
        }

        public static let withoutThemeTitle = "Not yet given a theme"
    }

    var learningTables: [ReportTable] {
        guard let learning else { return [] }
        return [
            ReportTable(
                id: "learning", title: "Learning recorded, by theme",
                headers: ["Theme", "Learning points", "Disputes"],
                rows: (learning.themes + [learning.withoutTheme]).map {
                    [.text($0.title), .count($0.points), .count($0.disputes)]
                }),
            ReportTable(
                id: "learning-actions", title: "Actions taken on what was learned",
                headers: ["Action", "Theme", "Owner", "Due", "Status"],
                rows: learning.actions.map {
                    [
                        .text($0.action), .text($0.themeTitle), .text($0.owner), .text($0.dueOn.text),
                        .text($0.statusText(on: learning.today)),
                    ]
                }),
        ]
    }
}

extension PartnershipReport.Learning: Encodable {
    private enum Keys: String, CodingKey { case themes, withoutTheme = "without_theme", actions }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(themes, forKey: .themes)
        try container.encode(withoutTheme, forKey: .withoutTheme)
        try container.encode(actions.map { Action($0, today: today) }, forKey: .actions)
    }

    private struct Action: Encodable {
        var id: UUID
        var theme: String
        var action: String
        var owner: String
        var dueOn: String
        var completedOn: String?
        var outcome: String?
        var status: String

        init(_ action: LearningAction, today: LocalDate) {
            id = action.id
            theme = action.themeTitle
            self.action = action.action
            owner = action.owner
            dueOn = action.dueOn.iso
            completedOn = action.completedOn?.iso
            outcome = action.outcome
            status = action.status(on: today).rawValue
        }

        private enum Keys: String, CodingKey {
            case id, theme, action, owner, dueOn = "due_on", completedOn = "completed_on", outcome, status
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id.uuidString.lowercased(), forKey: .id)
            try container.encode(theme, forKey: .theme)
            try container.encode(action, forKey: .action)
            try container.encode(owner, forKey: .owner)
            try container.encode(dueOn, forKey: .dueOn)
            try container.encode(completedOn, forKey: .completedOn)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(status, forKey: .status)
        }
    }
}

extension PartnershipReport.Learning.Theme: Encodable {
    private enum Keys: String, CodingKey { case id, title, points, disputes }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id?.uuidString.lowercased(), forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(points, forKey: .points)
        try container.encode(disputes, forKey: .disputes)
    }
}
