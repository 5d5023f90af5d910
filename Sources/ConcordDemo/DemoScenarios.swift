import ConcordCore

/// One demo dispute: where it has got to, how long ago, and between whom.
struct Scenario: Sendable {
    /// Set by the list the scenario is in.
    var partnership = ""
    /// The index of the stage it is at, or ended at.
    var stage: Int
    var raising: AgencyType
    var receiving: AgencyType
    var category: DisputeCategory
    /// Working days before today that its current stage began; deadlines follow from this.
    var enteredAgo: Int
    var ending: PolicyWalker.Ending?
    var closed: Bool
    var flags: [ChildFlag]
    var significantHarm: Bool
    /// Reached its stage by the policy's risk rule rather than stage by stage.
    var risk: Bool
    var acknowledged: Bool

    /// Positional, so that the list reads as a table.
    init(
        _ stage: Int, _ raising: AgencyType, _ receiving: AgencyType, _ category: DisputeCategory, ago: Int,
        ending: PolicyWalker.Ending? = nil, closed: Bool = false, flags: [ChildFlag] = [], harm: Bool = false,
        risk: Bool = false, acknowledged: Bool = true
    ) {
        self.stage = stage
        self.raising = raising
        self.receiving = receiving
        self.category = category
        self.enteredAgo = ago
        self.ending = ending
        self.closed = closed
        self.flags = flags
        self.significantHarm = harm
        self.risk = risk
        self.acknowledged = acknowledged
    }
}

/// Fifty disputes, ten in each partnership: every stage of every policy is some dispute's
/// current stage, every status occurs, and some deadlines are past or due within a working day.
enum DemoScenarios {
    private typealias S = Scenario
    private static let csc = AgencyType.childrensSocialCare
    private static let voluntary = AgencyType.voluntarySector

    static let all: [Scenario] =
        [
            ("oldham", oldham), ("sunderland", sunderland), ("coventry", coventry),
            ("five-stage-flowchart", flowchart), ("north-east-lincolnshire", northEastLincolnshire),
        ]
        .flatMap { slug, scenarios in
            scenarios.map { scenario in
                var scenario = scenario
                scenario.partnership = slug
                return scenario
            }
        }

    /// Stages: team manager (no timescale), head of service (5 days), assistant director,
    /// partnership.
    private static let oldham: [Scenario] = [
        S(0, csc, .health, .assessment, ago: 2, flags: [.childInNeed]),
        S(0, .health, csc, .threshold, ago: 6, flags: [.lookedAfter]),
        S(1, csc, .police, .plan, ago: 8, flags: [.childProtectionPlan]),
        S(1, .health, csc, .informationSharing, ago: 4),
        S(2, .education, csc, .referral, ago: 5, flags: [.lookedAfter]),
        S(3, csc, .police, .plan, ago: 2, flags: [.childProtectionPlan], harm: true, risk: true),
        S(3, .probation, csc, .caseClosure, ago: 6, ending: .resolved),
        S(1, csc, .health, .assessment, ago: 20, ending: .resolved, closed: true),
        S(0, voluntary, .education, .informationSharing, ago: 10, ending: .withdrawn),
        S(2, .health, csc, .caseClosure, ago: 15, ending: .withdrawn, closed: true, flags: [.childInNeed]),
    ]

    /// Every step 5 working days, the whole process a month.
    private static let sunderland: [Scenario] = [
        S(0, csc, .health, .assessment, ago: 1),
        S(0, .health, .education, .threshold, ago: 7, harm: true),
        S(1, .police, csc, .informationSharing, ago: 5),
        S(2, csc, .health, .plan, ago: 3, flags: [.childProtectionPlan]),
        S(3, csc, .police, .plan, ago: 9, flags: [.childProtectionPlan]),
        S(3, csc, .police, .referral, ago: 6, ending: .referred(route: "hmicfrs")),
        S(3, .health, csc, .caseClosure, ago: 20, ending: .referred(route: "ofsted"), closed: true),
        S(1, .education, csc, .threshold, ago: 4, ending: .resolved),
        S(2, .earlyHelp, .health, .assessment, ago: 12, ending: .resolved, closed: true, flags: [.earlyHelp]),
        S(0, .probation, csc, .referral, ago: 8, ending: .withdrawn),
    ]

    /// Stage one within a working day; later stages have no timescale.
    private static let coventry: [Scenario] = [
        S(0, csc, .health, .assessment, ago: 1),
        S(0, .police, csc, .threshold, ago: 3),
        S(1, .education, csc, .threshold, ago: 4, flags: [.childInNeed]),
        S(1, .health, csc, .informationSharing, ago: 6, ending: .withdrawn),
        S(2, csc, .police, .referral, ago: 5),
        S(2, .probation, csc, .plan, ago: 4, ending: .resolved),
        S(3, csc, .health, .plan, ago: 3, flags: [.lookedAfter]),
        S(3, .health, csc, .threshold, ago: 14, ending: .resolved, closed: true, harm: true),
        S(0, voluntary, .education, .other, ago: 18, ending: .resolved, closed: true),
        S(1, .earlyHelp, csc, .caseClosure, ago: 9, ending: .resolved, closed: true, flags: [.earlyHelp]),
    ]

    /// Stages of 2, 5, 5, 2 and 5 working days; receipt acknowledged within 2.
    private static let flowchart: [Scenario] = [
        S(0, csc, .health, .assessment, ago: 1),
        S(0, .health, csc, .threshold, ago: 4, acknowledged: false),
        S(1, .police, csc, .informationSharing, ago: 7),
        S(1, csc, .education, .plan, ago: 3, ending: .resolved),
        S(2, csc, .health, .referral, ago: 2),
        S(2, .probation, csc, .caseClosure, ago: 11, ending: .withdrawn, closed: true),
        S(3, .health, csc, .plan, ago: 2, flags: [.childProtectionPlan]),
        S(3, csc, .police, .assessment, ago: 5, harm: true),
        S(4, .education, csc, .threshold, ago: 3, flags: [.lookedAfter]),
        S(4, voluntary, .health, .other, ago: 10, ending: .resolved, closed: true),
    ]

    /// Strategic: the delivery group, the chair in writing (acknowledged within 5 days), the
    /// safeguarding partners (15 days from receipt) and the Independent Scrutiny Officer (25).
    private static let northEastLincolnshire: [Scenario] = [
        S(0, .police, csc, .informationSharing, ago: 3),
        S(1, .health, csc, .other, ago: 2),
        S(1, .education, csc, .other, ago: 7, acknowledged: false),
        S(2, csc, .police, .other, ago: 4),
        S(2, .probation, .health, .informationSharing, ago: 14),
        S(3, csc, .health, .other, ago: 10),
        S(3, .police, csc, .other, ago: 8, ending: .referred(route: "independent-arbitration")),
        S(3, .health, .police, .other, ago: 30, ending: .referred(route: "ofsted"), closed: true),
        S(2, voluntary, csc, .informationSharing, ago: 6, ending: .resolved),
        S(0, .earlyHelp, csc, .other, ago: 12, ending: .withdrawn, closed: true),
    ]
}
