/// What someone signs in as. Roles decide what Concord lets them do; which disputes they see
/// is decided by need to know (`DisputeAccess`), never by role alone.
public enum AccountRole: String, CaseIterable, Codable, Sendable {
    case practitioner
    /// A line manager or designated safeguarding lead.
    case manager
    /// Second tier, head of service, assistant director, director or chief executive.
    case seniorManager = "senior-manager"
    case businessOffice = "business-office"
    case scrutineer
    /// Read-only, for one partnership.
    case auditor
    case administrator

    public var displayName: String {
        switch self {
        case .practitioner: "Practitioner"
        case .manager: "Manager or designated safeguarding lead"
        case .seniorManager: "Senior manager"
        case .businessOffice: "Partnership business office"
        case .scrutineer: "Independent scrutineer"
        case .auditor: "Auditor"
        case .administrator: "Administrator"
        }
    }

    /// Roles that see a whole partnership's disputes and so must name one.
    public var isPartnershipWide: Bool {
        self == .businessOffice || self == .scrutineer || self == .auditor
    }

    /// Roles that take part in disputes as a person in the directory.
    public var actsAsPerson: Bool {
        self == .practitioner || self == .manager || self == .seniorManager
    }

    /// Roles whose sign-in may be a person in the directory: those who take part, and the
    /// partnership's business office and scrutineer, whom policies name at their own stages and
    /// Concord e-mails. Auditors and administrators are never anyone's contact.
    public var mayBePerson: Bool {
        actsAsPerson || self == .businessOffice || self == .scrutineer
    }
}
