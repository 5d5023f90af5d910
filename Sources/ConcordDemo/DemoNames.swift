import ConcordCore

/// Plausible but fictional names and addresses, so the demo reads like a partnership's own
/// records while every address is obviously a demo one.
enum DemoNames {
    /// The place a demo partnership serves, with the police force and health provider that
    /// differ from place to place.
    struct Locality: Hashable, Sendable {
        var place: String
        var police: String
        var health: String
    }

    /// The five-stage flowchart names no partnership, so its demo partnership serves a made-up
    /// town.
    static func locality(_ slug: String) -> Locality {
        switch slug {
        case "oldham":
            Locality(
                place: "Oldham", police: "Greater Manchester Police (Oldham)", health: "Northern Care Alliance (Health)"
            )
        case "sunderland":
            Locality(
                place: "Sunderland", police: "Northumbria Police (Sunderland)", health: "Wearside Community Health")
        case "coventry":
            Locality(
                place: "Coventry", police: "West Midlands Police (Coventry)", health: "Coventry and Warwickshire Health"
            )
        case "north-east-lincolnshire":
            Locality(
                place: "North East Lincolnshire", police: "Humberside Police (North East Lincolnshire)",
                health: "North East Lincolnshire Health")
        case "five-stage-flowchart":
            Locality(place: "Millbrook", police: "Millbrook Constabulary", health: "Millbrook Health and Care")
        default:
            Locality(place: slug, police: "Police (\(slug))", health: "Health (\(slug))")
        }
    }

    static func agency(_ type: AgencyType, in locality: Locality) -> String {
        let place = locality.place
        return switch type {
        case .childrensSocialCare: "\(place) Children's Social Care"
        case .adultSocialCare: "\(place) Adult Social Care"
        case .police: locality.police
        case .health: locality.health
        case .education: "\(place) schools"
        case .earlyHelp: "\(place) Early Help"
        case .probation: "Probation Service (\(place))"
        case .voluntarySector: "\(place) Family Support Network"
        case .other: "\(place) Safeguarding Children Partnership"
        }
    }

    /// `line-manager.health@oldham.concord.example`: a person's level and agency, so anyone
    /// trying the demo can guess whom to sign in as.
    static func email(_ level: RoleLevel, _ type: AgencyType, partnership slug: String) -> String {
        let local =
            switch level {
            case .partnershipBusinessOffice: "business-office"
            case .statutoryPartners: "statutory-partners"
            case .independentScrutineer: "scrutineer"
            default: "\(level.rawValue).\(type.key)"
            }
        return email(local, partnership: slug)
    }

    static func email(_ local: String, partnership slug: String) -> String {
        "\(local)@\(slug).concord.example"
    }
}

extension AgencyType {
    /// Short enough for an e-mail address.
    var key: String {
        switch self {
        case .childrensSocialCare: "csc"
        case .adultSocialCare: "asc"
        case .police: "police"
        case .health: "health"
        case .education: "education"
        case .earlyHelp: "early-help"
        case .probation: "probation"
        case .voluntarySector: "voluntary"
        case .other: "partnership"
        }
    }

    /// How the agency's own case numbers start, so a child's references look like each system's.
    var casePrefix: String {
        switch self {
        case .childrensSocialCare: "CSC"
        case .adultSocialCare: "ASC"
        case .police: "POL"
        case .health: "NHS"
        case .education: "EDU"
        case .earlyHelp: "EH"
        case .probation: "PRB"
        case .voluntarySector: "VOL"
        case .other: "SCP"
        }
    }
}

/// Hands out distinct names in a fixed order, so the same demo is seeded every time.
struct PersonNames {
    private static let first = [
        "Amira", "Ben", "Chloe", "Dev", "Ellen", "Farid", "Grace", "Harvey", "Isla", "Jonah", "Kiran", "Leah",
        "Marcus", "Nadia", "Owen", "Priya", "Quentin", "Rosa", "Sam", "Tamsin", "Umar", "Vera", "Wes", "Yasmin",
        "Zach", "Bridget", "Callum", "Delia", "Ewan", "Fiona", "Gareth", "Hana",
    ]
    private static let last = [
        "Ashworth", "Bennett", "Chowdhury", "Dunmore", "Ellison", "Fairley", "Gill", "Hartley", "Iqbal", "Jennings",
        "Kowalski", "Lister", "Mahmood", "Nolan", "Okafor", "Pickering", "Quinn", "Rowbotham", "Shah", "Thackeray",
        "Usher", "Varga", "Whitworth", "Yates", "Zielinski", "Brannigan", "Crowther", "Doyle", "Egan", "Fenwick",
        "Greaves", "Holroyd",
    ]
    private var next = 0

    /// Pairs each first name with a surname shifted by the round, so no pair repeats within
    /// `first.count × last.count` names.
    mutating func take() -> String {
        defer { next += 1 }
        let round = next / Self.first.count
        return "\(Self.first[next % Self.first.count]) \(Self.last[(next + round) % Self.last.count])"
    }
}
