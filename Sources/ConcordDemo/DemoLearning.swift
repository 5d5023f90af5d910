import ConcordCore
import ConcordStore
import Foundation

/// Each partnership's learning loop as its business office would have kept it over the year:
/// its themes, the themes given to the history's learning (the newest left for the office to
/// do), and actions on them, some done, one overdue and one still open.
enum DemoLearning {
    private struct Action {
        var theme: String
        var action: String
        var owner: String
        /// Days before today it was recorded and due, and done (nil: not yet).
        var recorded: Int
        var due: Int
        var done: Int?
        var outcome: String?
    }

    private static let actions = [
        Action(
            theme: DemoHistory.themes[0], action: "Threshold document reissued with worked examples",
            owner: "Partnership business manager", recorded: 230, due: 200, done: 205,
            outcome: "Reissued to every agency and discussed at each team meeting"),
        Action(
            theme: DemoHistory.themes[1], action: "Multi-agency training on sharing chronologies",
            owner: "Partnership learning and development lead", recorded: 150, due: 90, done: 80,
            outcome: "Four sessions held; 112 practitioners attended"),
        Action(
            theme: DemoHistory.themes[2], action: "Briefing to schools on escalating concerns",
            owner: "Education safeguarding lead", recorded: 60, due: 10),
        Action(
            theme: DemoHistory.themes[3], action: "Escalation procedure revised to name a lead agency on step-down",
            owner: "Head of Service, Children's Social Care", recorded: 20, due: -40),
    ]

    static func seed(_ database: ConcordDatabase, partnerships: [DemoPartnership], now: Date) async throws {
        let today = LondonTime.date(of: now)
        let records = LearningRecords(database)
        for partnership in partnerships {
            let email = DemoNames.email(.partnershipBusinessOffice, .other, partnership: partnership.slug)
            guard let office = try await Accounts(database).find(email: email) else {
                throw DemoDataError(description: "no demo business office \(email)")
            }
            func at(_ daysAgo: Int) -> Date {
                LondonTime.startOfDay(today.adding(days: -daysAgo)).addingTimeInterval(10 * 3600)
            }
            var themes: [String: UUID] = [:]
            for title in DemoHistory.themes {
                themes[title] = try await records.addTheme(title, partnership: partnership.id, by: office, at: at(300))
                    .id
            }
            try await records.setRetired(
                true, theme: themes[DemoHistory.themes[5]]!, partnership: partnership.id, by: office, at: at(100))
            try await tag(records, partnership: partnership.id, themes: themes, by: office, today: today)
            for action in actions {
                let id = try await records.addAction(
                    LearningRecords.ActionDraft(
                        theme: themes[action.theme]!, action: action.action, owner: action.owner,
                        dueOn: today.adding(days: -action.due)),
                    partnership: partnership.id, by: office, at: at(action.recorded))
                if let done = action.done, let outcome = action.outcome {
                    try await records.completeAction(
                        id, on: today.adding(days: -done), outcome: outcome, partnership: partnership.id, by: office,
                        at: at(done))
                }
            }
        }
    }

    /// Gives the history's learning its themes, a few days after it was recorded.
    private static func tag(
        _ records: LearningRecords, partnership: UUID, themes: [String: UUID], by office: Account, today: LocalDate
    ) async throws {
        let wanted = Dictionary(
            DemoHistory.disputes(stages: 1).compactMap { dispute in
                dispute.learning.theme.map { (dispute.learning.text, $0) }
            },
            uniquingKeysWith: { first, _ in first })
        let everything = ReportQuery(
            partnership: partnership, from: today.adding(months: -24), to: today, today: today)
        let all = try await records.themes(partnership: partnership)
        var page = 1
        var found: [LearningRecords.Entry] = []
        while true {
            let entries = try await records.entries(everything, theme: .none, page: page, themes: all)
            found += entries.entries
            guard entries.hasMore else { break }
            page += 1
        }
        for entry in found {
            guard let theme = wanted[entry.point.text].flatMap({ themes[$0] }) else { continue }
            let when = LondonTime.startOfDay(min(entry.point.recordedOn.adding(days: 3), today))
                .addingTimeInterval(11 * 3600)
            try await records.setThemes(
                [theme], dispute: entry.disputeID, key: entry.point.key, partnership: partnership, by: office, at: when)
        }
    }
}
