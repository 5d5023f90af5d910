/// The kinds of agency that take part in a partnership.
public enum AgencyType: String, CaseIterable, Codable, Sendable {
    case childrensSocialCare = "childrens-social-care"
    case adultSocialCare = "adult-social-care"
    case police
    case health
    case education
    case earlyHelp = "early-help"
    case probation
    case voluntarySector = "voluntary-sector"
    case other

    public var displayName: String {
        switch self {
        case .childrensSocialCare: "Children's social care"
        case .adultSocialCare: "Adult social care"
        case .police: "Police"
        case .health: "Health"
        case .education: "Education"
        case .earlyHelp: "Early help"
        case .probation: "Probation"
        case .voluntarySector: "Voluntary sector"
        case .other: "Other"
        }
    }
}

/// Keys policies' `equivalents` by name in JSON, as in the YAML.
extension AgencyType: CodingKeyRepresentable {}
