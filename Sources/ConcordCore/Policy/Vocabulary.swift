/// The words a policy is written in. Their raw values are what authors type in YAML.

/// How senior someone is, from the frontline to the partnership itself.
public enum RoleLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case practitioner
    /// A line manager or designated safeguarding lead.
    case lineManager = "line-manager"
    /// A second-tier or senior manager.
    case seniorManager = "senior-manager"
    case headOfService = "head-of-service"
    case assistantDirector = "assistant-director"
    /// A director or chief executive.
    case director
    case partnershipBusinessOffice = "partnership-business-office"
    case statutoryPartners = "statutory-partners"
    /// An independent scrutineer or scrutiny officer.
    case independentScrutineer = "independent-scrutineer"

    public static func < (lhs: RoleLevel, rhs: RoleLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var displayName: String {
        switch self {
        case .practitioner: "Practitioner"
        case .lineManager: "Line manager or designated safeguarding lead"
        case .seniorManager: "Second-tier or senior manager"
        case .headOfService: "Head of service"
        case .assistantDirector: "Assistant director"
        case .director: "Director or chief executive"
        case .partnershipBusinessOffice: "Partnership business office"
        case .statutoryPartners: "Statutory safeguarding partners"
        case .independentScrutineer: "Independent scrutineer"
        }
    }
}

/// A particular part someone plays, which rules can require.
public enum Capacity: String, CaseIterable, Codable, Sendable {
    case independentReviewingOfficer = "independent-reviewing-officer"
    case earlyHelpProfessional = "early-help-professional"
    case designatedSafeguardingLead = "designated-safeguarding-lead"
    case designatedProfessional = "designated-professional"
    case namedProfessional = "named-professional"
    /// The chair of a child protection conference, to whom dissent at it is raised.
    case conferenceChair = "conference-chair"
    /// An independent chair who is not the partnership's scrutineer, such as of a review panel.
    case independentChair = "independent-chair"
    /// Whoever co-ordinates the procedure for an agency or the partnership.
    case coordinator
}

/// Which side of the disagreement a participant stands for.
public enum Side: String, CaseIterable, Codable, Sendable {
    case raising
    case receiving
    case both
    /// The partnership itself, on neither agency's side.
    case partnership
}

public enum Scope: String, CaseIterable, Codable, Sendable {
    /// Disagreements between practitioners' agencies about a child or an adult.
    case practice
    /// Disagreements between partner agencies about the partnership's own arrangements.
    case strategic
}

public enum ContactMethod: String, CaseIterable, Codable, Sendable {
    case telephone
    case faceToFace = "face-to-face"
    case video
    case email
    case writing
    case meeting
}

/// What must be written down before a stage can be left.
public enum RecordKind: String, CaseIterable, Codable, Sendable {
    case actionsTaken = "actions-taken"
    case outcome
    case learningIdentified = "learning-identified"
    /// Evidence that every effort at the stage was explored before escalating.
    case effortsExhausted = "efforts-exhausted"
    /// A mutually agreed plan of action with timescales.
    case agreedPlan = "agreed-plan"
    /// A line manager's review that the concern is justified before taking it further.
    case concernReviewed = "concern-reviewed"
    /// The statutory partners' decision on the intervention required.
    case interventionDecision = "intervention-decision"
    /// The partner agreed to act on behalf of all the safeguarding partners.
    case leadPartner = "lead-partner"
    /// The board, date and minute reference where the dispute is formally recorded.
    case boardMinute = "board-minute"
}

public enum DisputeCategory: String, CaseIterable, Codable, Sendable {
    case threshold
    case referral
    case assessment
    case plan
    case caseClosure = "case-closure"
    case informationSharing = "information-sharing"
    case other

    /// As people read it, in lists, reports and the command line alike.
    public var title: String {
        switch self {
        case .threshold: "Threshold decision"
        case .referral: "Referral not accepted"
        case .assessment: "Assessment"
        case .plan: "Plan or intervention"
        case .caseClosure: "Case closed or stepped down"
        case .informationSharing: "Information sharing"
        case .other: "Something else"
        }
    }
}

/// Who a practice protocol's disputes are about: many partnerships run one procedure for
/// children and adults, adults boards the same shape for adults, and some cover an unborn baby.
public enum Subject: String, CaseIterable, Codable, Sendable {
    case children
    case adults
    case unborn

    /// What one of them is called on forms and pages.
    public var noun: String {
        switch self {
        case .children: "child"
        case .adults: "adult"
        case .unborn: "unborn baby"
        }
    }

    /// "a child", "an adult", "an unborn baby", "a child or adult".
    public static func indefinite(_ noun: String) -> String {
        ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun
    }

    /// "child", "child or adult", "child, adult or unborn baby".
    public static func either(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }
}

public enum ChildFlag: String, CaseIterable, Codable, Sendable {
    case lookedAfter = "looked-after"
    case childProtectionPlan = "child-protection-plan"
    case childInNeed = "child-in-need"
    case earlyHelp = "early-help"
}

/// Who must be told at once when a child may be suffering significant harm.
public enum NotifyTarget: String, CaseIterable, Codable, Sendable {
    case lineManager = "line-manager"
    case designatedSafeguardingLead = "designated-safeguarding-lead"
}

public enum MeetingTemplate: String, CaseIterable, Codable, Sendable {
    case agenda
    case minutes
}

public enum ExternalRouteKind: String, CaseIterable, Codable, Sendable {
    case inspectorate
    case arbitration
    case secretaryOfState = "secretary-of-state"
}
