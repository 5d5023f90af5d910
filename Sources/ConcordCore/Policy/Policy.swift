/// A partnership's dispute resolution protocol, as data: what each stage involves, how long
/// it may take, what must be recorded, and the rules that hold throughout.
public struct Policy: Hashable, Sendable, Encodable {
    /// Lower-case letters, digits and hyphens, e.g. `oldham`.
    public var id: String
    /// The protocol's own title, e.g. "Dispute Resolution Pathway".
    public var name: String
    public var partnership: String
    public var region: Region
    public var scope: Scope
    /// Who a practice dispute can be about; children unless the policy says otherwise.
    public var subjects: [Subject] = [.children]
    /// The document the policy was written from.
    public var source: String?
    /// For a partnership with several procedures, the kind of dispute this one is for, as the
    /// raiser chooses between them: "Dissent at a child protection conference".
    public var appliesTo: String? = nil
    /// The day this version takes effect; until then the partnership's earlier version of the
    /// same procedure stays current. Nil: from when it is installed.
    public var effectiveFrom: LocalDate? = nil
    public var summary: String?
    public var stages: [Stage]
    public var acknowledgement: Acknowledgement?
    /// A protocol-wide limit for every stage that has no timescale of its own.
    public var stageLimit: Timescale?
    /// How long the whole process may take, measured from when the dispute is raised.
    public var overall: Timescale?
    public var rules: [PolicyRule]
    /// Where a dispute can go after the last stage.
    public var externalRoutes: [ExternalRoute]
    public var referenceDocuments: [ReferenceDocument] = []
    /// What written confirmations carry and who else receives them; nil when the protocol
    /// says nothing beyond the stage's own people.
    public var confirmations: Confirmations? = nil

    public func stage(_ id: String) -> Stage? {
        stages.first { $0.id == id }
    }

    public func stageIndex(_ id: String) -> Int? {
        stages.firstIndex { $0.id == id }
    }

    /// Who must be told at once of significant harm, when the policy says so.
    public var significantHarmTargets: [NotifyTarget]? {
        rules.lazy.compactMap { rule -> [NotifyTarget]? in
            if case .significantHarmNotification(let notify) = rule.kind { return notify }
            return nil
        }.first
    }

    /// "child", "adult", "child or adult", "child, adult or unborn baby": who a dispute is about.
    public var subjectNoun: String {
        subjects.isEmpty ? "child" : Subject.either(subjects.map(\.noun))
    }

    /// Whether any timescale counts from the decision or disagreement, so raising asks its date.
    public var countsFromDecision: Bool {
        let timescales =
            stages.flatMap { [$0.timescale].compactMap { $0 } + $0.routes.map(\.timescale) }
            + [stageLimit, overall].compactMap { $0 }
        return timescales.contains { $0.from == .decision }
            || stages.flatMap(\.clocks).contains { $0.from == .decision }
    }

    /// The stage the risk rule jumps to, when the policy has one.
    public var riskStage: String? {
        rules.lazy.compactMap { rule -> String? in
            if case .riskEscalation(let to) = rule.kind { return to }
            return nil
        }.first
    }

    /// The timescale in force for a stage: its own, else the protocol-wide limit, else none.
    public func effectiveTimescale(of stage: Stage) -> Timescale? {
        stage.timescale ?? stageLimit
    }

    /// The timescale of a stage on the route taken into it; the stage's own on the standard route.
    public func effectiveTimescale(of stage: Stage, route: String?) -> Timescale? {
        stage.routes.first { $0.id == route }?.timescale ?? effectiveTimescale(of: stage)
    }

    /// The timescale in force at a visit: the route's, when one was taken into the stage.
    public func effectiveTimescale(at visit: DisputeState.StageVisit) -> Timescale? {
        stage(visit.stage).flatMap { effectiveTimescale(of: $0, route: visit.route) }
    }
}

public struct Stage: Hashable, Sendable, Encodable {
    public var id: String
    public var title: String
    public var source: String?
    /// What the stage requires, in plain words, for the people taking part.
    public var summary: String
    public var participants: [Participant]
    /// Nil when the protocol sets no timescale for the stage.
    public var timescale: Timescale?
    /// Further deadlines inside the stage, each with its own kind, anchor and amount.
    public var clocks: [Clock] = []
    /// Alternatives to the stage's timescale, chosen when the dispute enters the stage: an
    /// urgent route beside the standard one.
    public var routes: [StageRoute] = []
    public var contact: ContactExpectation?
    /// What must be recorded before the dispute can leave the stage.
    public var records: [RecordKind]
    /// What the stage may record when it applies, without having to.
    public var mayRecord: [RecordKind] = []
    /// Records the protocol names in its own words ("the precise nature of the dissent"),
    /// written as text at the stage; required ones must be written before it is left.
    public var customRecords: [CustomRecord] = []
    /// The subject line the protocol fixes for the stage's written confirmation.
    public var confirmationSubject: String?
    public var meeting: Meeting?
    public var forms: [Form]
    /// Set where the protocol says that whoever cannot resolve the disagreement at this stage
    /// must tell their line manager at once (Coventry's stage 1).
    public var notifyLineManagerIfUnresolved: LineManagerNotice? = nil
    /// Those told of the stage and sent its written confirmations without taking part: "copy
    /// to the Business Manager", "inform the partnership".
    public var inform: [InformedParty] = []
    /// Marked in a draft whose protocol text for the stage is not yet written; such a policy is
    /// read for previews but never installed.
    public var notYetAvailable = false
}

/// A route through a stage with a timescale of its own, such as "Urgent: where a child may be
/// at risk of significant harm, within 24 hours".
public struct StageRoute: Hashable, Sendable, Encodable {
    public var id: String
    public var name: String
    /// The protocol's words for when to take it.
    public var when: String?
    public var timescale: Timescale
    public var quote: String?
    /// Who takes part on this route instead of the stage's own people: an internal route
    /// within the raising agency beside the inter-agency one. Empty when they are the same.
    public var participants: [Participant] = []
}

/// A record a protocol names that the format has no kind for, kept as text under its own id.
public struct CustomRecord: Hashable, Sendable, Encodable {
    public var id: String
    /// The protocol's name for it, as the form asks: "The precise nature of the dissent".
    public var title: String
    public var required: Bool
    public var quote: String?
}

/// People at a level who are told, but do not take part: at an agency level, those of the
/// disputing agencies; at a partnership level, the partnership's.
public struct InformedParty: Hashable, Sendable, Encodable {
    public var level: RoleLevel
    public var quote: String?
}

public struct LineManagerNotice: Hashable, Sendable, Encodable {
    public var quote: String?
}

public struct Participant: Hashable, Sendable, Encodable {
    public var level: RoleLevel
    public var side: Side
    /// The protocol's name for them, e.g. "Team Manager or agency equivalent".
    public var title: String?
    public var capacity: Capacity?
    /// When they take part only in some disputes, the protocol's words for when.
    public var onlyIf: String? = nil
    /// Each kind of agency's own name for the role: the first-line manager's "equivalent" is a
    /// detective sergeant for the police, a named professional for health.
    public var equivalents: [AgencyType: String] = [:]
    /// Who stands in "in their absence", in the protocol's words.
    public var inAbsence: String? = nil

    /// "Team Manager (Police: Detective Sergeant; Health: Named professional), or in their
    /// absence the Service Manager": who the protocol names, as people read it.
    public var description: String {
        var text = title ?? level.displayName
        let named = AgencyType.allCases.compactMap { type in equivalents[type].map { "\(type.displayName): \($0)" } }
        if !named.isEmpty { text += " (\(named.joined(separator: "; ")))" }
        if let inAbsence { text += ", or in their absence \(inAbsence)" }
        return text
    }
}

public struct ContactExpectation: Hashable, Sendable, Encodable {
    public var methods: [ContactMethod]
    /// Methods the protocol advises against for this stage.
    public var discouraged: [ContactMethod]
    public var quote: String?
}

public struct Meeting: Hashable, Sendable, Encodable {
    public var name: String
    /// Whether the stage must hold one, or may.
    public var required: Bool
    public var chair: RoleLevel?
    public var templates: [MeetingTemplate]
    /// The meeting is held so that learning points are recorded: its minutes must say them.
    public var learning: Bool = false
    public var quote: String?
}

public struct Form: Hashable, Sendable, Encodable {
    public var id: String
    public var title: String
    public var quote: String?
}

public struct Acknowledgement: Hashable, Sendable, Encodable {
    /// The stage at which the dispute is formally received and must be acknowledged.
    public var stage: String
    public var timescale: Timescale
}

public struct ExternalRoute: Hashable, Sendable, Encodable {
    public var id: String
    public var name: String
    public var kind: ExternalRouteKind
    /// Who may take the route; anyone acting on the dispute when empty. North East
    /// Lincolnshire's arbitration is for the safeguarding partners, through the business office.
    public var takenBy: [RoleLevel] = []
    /// The referral names the partner the safeguarding partners agreed acts for all of them.
    public var actingPartner: Bool = false
    public var quote: String?
}

/// A document the protocol says to use, such as Sunderland's thresholds document.
public struct ReferenceDocument: Hashable, Sendable, Encodable {
    public var title: String
    /// Where to find it: a web address.
    public var address: String?
    /// The stages it is shown at; every stage when empty.
    public var stages: [String]
    public var quote: String?

    public func applies(to stage: String) -> Bool { stages.isEmpty || stages.contains(stage) }
}
