import ConcordCore

/// A year of disputes before the current ones, every one ended and closed, so that the
/// partnership's reports cover several quarters: some stages kept to their timescales and
/// some did not, and the learning each identified (where its protocol records learning) has a
/// theme for the board to see what it is about.
enum DemoHistory {
    struct Dispute: Sendable {
        var scenario: Scenario
        /// Working days before today that it was raised.
        var raisedAgo: Int
        /// Working days it spent at each stage it reached, the last until it ended.
        var days: [Int]
        var learning: Learning
    }

    /// What the dispute learned, and the theme the business office gave it; nil for learning
    /// not yet given one, for the office to do.
    struct Learning: Sendable {
        var text: String
        var theme: String?
    }

    static let perPartnership = 12

    static let themes = [
        "Thresholds understood differently", "Information not shared", "Escalation left too late",
        "Roles and responsibilities unclear", "Voice of the child not heard", "Procedure not followed",
    ]

    private static let learnings = [
        Learning(
            text: "The agencies read the referral against different versions of the threshold document",
            theme: themes[0]),
        Learning(
            text: "Health's chronology was not shared with social care before the strategy discussion",
            theme: themes[1]),
        Learning(
            text: "The disagreement stayed with practitioners for three weeks before managers were told",
            theme: themes[2]),
        Learning(
            text: "Nobody was sure which agency should lead once the case stepped down to early help",
            theme: themes[3]),
        Learning(text: "Neither agency recorded what the child wanted to happen", theme: themes[4]),
        Learning(
            text: "School were not told of the strategy discussion, though they see the child every day",
            theme: themes[1]),
        Learning(text: "The threshold for a child in need assessment was applied too strictly", theme: themes[0]),
        Learning(text: "Escalation waited for a meeting that could have been a telephone call", theme: themes[2]),
        Learning(text: "Police and health each thought the other had made the referral", theme: themes[3]),
        Learning(
            text: "Case closure was decided without asking the agencies still working with the family", theme: themes[1]
        ),
        Learning(text: "Managers were not sure the protocol applied to a child on a plan", theme: nil),
        Learning(text: "Early help's assessment was not read before the referral was refused", theme: nil),
    ]

    private static let pairs: [(AgencyType, AgencyType)] = [
        (.childrensSocialCare, .health), (.health, .childrensSocialCare), (.education, .childrensSocialCare),
        (.police, .childrensSocialCare), (.childrensSocialCare, .police), (.earlyHelp, .health),
    ]

    /// The partnership's history, oldest first: about three disputes a quarter over the year
    /// before the current ones, ending at each stage in turn.
    static func disputes(stages: Int) -> [Dispute] {
        let ended = [0, 1, 0, 2, 1, 0, 1, 3, 0, 1, 2, 0]
        let days = [
            [3, 4], [6, 7, 2], [2, 5], [4, 9, 3, 2], [5, 3, 4], [8, 2], [2, 6, 1], [3, 4, 7, 2, 3],
            [4, 3], [7, 8, 2], [3, 3, 6, 2], [5, 2],
        ]
        return (0..<perPartnership).map { number in
            let stage = min(ended[number], stages - 1)
            let (raising, receiving) = pairs[number % pairs.count]
            let ending: PolicyWalker.Ending = number % 5 == 4 ? .withdrawn : .resolved
            return Dispute(
                scenario: Scenario(
                    stage, raising, receiving, DisputeCategory.allCases[number % DisputeCategory.allCases.count],
                    ago: 0, ending: ending, closed: true),
                raisedAgo: 250 - number * 16, days: Array(days[number].prefix(stage + 1)),
                learning: learnings[number])
        }
    }

    /// Counts back from today in working days; the dispute is closed the working day after it ended.
    static func route(_ dispute: Dispute, calendar: WorkingCalendar, today: LocalDate) throws -> PolicyWalker.Route {
        var day = try calendar.adding(workingDays: -dispute.raisedAgo, to: today)
        var entered: [LocalDate] = []
        for spent in dispute.days {
            entered.append(day)
            day = try calendar.adding(workingDays: spent, to: day)
        }
        return PolicyWalker.Route(
            stages: Array(0..<dispute.days.count), days: entered, risk: false, acknowledged: true,
            finish: PolicyWalker.Finish(
                ending: dispute.scenario.ending ?? .resolved, on: day,
                closedOn: try calendar.adding(workingDays: 1, to: day)))
    }
}
