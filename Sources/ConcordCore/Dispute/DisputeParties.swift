/// An agency as a dispute refers to it: the store's id and the name people know it by.
public struct AgencyRef: Codable, Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A person as a dispute refers to them. People need not have a sign-in.
public struct PersonRef: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var agency: AgencyRef
    public var level: RoleLevel

    public init(id: String, name: String, agency: AgencyRef, level: RoleLevel) {
        self.id = id
        self.name = name
        self.agency = agency
        self.level = level
    }

    /// Which side of the disagreement the person stands for: their agency's, or the
    /// partnership's own for its business office, statutory partners and scrutineer.
    public func side(raisingAgency: String) -> Side {
        if level >= .partnershipBusinessOffice { return .partnership }
        return agency.id == raisingAgency ? .raising : .receiving
    }
}

/// Each agency's own reference for the child, so the dispute can be filed on every agency's
/// system.
public struct CaseReference: Codable, Hashable, Sendable {
    public var agencyID: String
    public var reference: String

    public init(agencyID: String, reference: String) {
        self.agencyID = agencyID
        self.reference = reference
    }
}

/// Someone a practice dispute is about: a child, or under a policy that covers them an adult or
/// an unborn baby. Disputes raised before adults were covered hold children only, with no
/// `subject`.
public struct ChildRecord: Codable, Hashable, Sendable {
    public var name: String
    public var dateOfBirth: LocalDate?
    public var caseReferences: [CaseReference]
    /// Only a child's: the flags protocols' rules ask about (looked after, on a plan).
    public var flags: [ChildFlag]
    /// Nil for a child, as every dispute before adults were covered.
    public var subject: Subject?
    /// An unborn baby's expected date of birth, in place of a date of birth.
    public var expectedBirth: LocalDate?

    public init(
        name: String, dateOfBirth: LocalDate?, caseReferences: [CaseReference] = [], flags: [ChildFlag] = [],
        subject: Subject? = nil, expectedBirth: LocalDate? = nil
    ) {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.caseReferences = caseReferences
        self.flags = flags
        self.subject = subject == .children ? nil : subject
        self.expectedBirth = expectedBirth
    }

    /// Who they are: a child unless recorded otherwise.
    public var kind: Subject { subject ?? .children }
}

/// Someone taking part in a dispute, and in what capacity.
public struct Participation: Codable, Hashable, Sendable {
    public var person: PersonRef
    public var capacity: Capacity?
    public var side: Side
    /// The stage at which they joined.
    public var stage: String
}

public struct PlannedAction: Codable, Hashable, Sendable {
    public var id: String
    public var action: String
    public var owner: PersonRef
    public var due: LocalDate

    public init(id: String, action: String, owner: PersonRef, due: LocalDate) {
        self.id = id
        self.action = action
        self.owner = owner
        self.due = due
    }
}
