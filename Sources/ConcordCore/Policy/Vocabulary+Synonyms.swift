/// The titles protocols give their levels, read as the format's levels, so that an author who
/// types the protocol's own words is told which level it means. Where an agency's equivalent
/// differs (a detective sergeant for the police, a named professional for health), it is listed
/// with the level it stands at.
extension RoleLevel: Synonymous {
    static let synonyms: [String: RoleLevel] = {
        let titles: [RoleLevel: [String]] = [
            .practitioner: ["professional", "worker", "social worker", "frontline practitioner", "staff"],
            .lineManager: [
                "team manager", "team leader", "first line manager", "line manager", "supervisor",
                "designated safeguarding lead", "dsl", "detective sergeant", "ds", "practice manager",
                "manager", "tm", "flm",
            ],
            .seniorManager: [
                "service manager", "second tier manager", "senior manager", "detective inspector", "di",
                "slo", "senior liaison officer", "group manager", "operations manager",
            ],
            .headOfService: ["head of service", "hos", "detective chief inspector", "dci", "head of safeguarding"],
            .assistantDirector: ["assistant director", "ad", "deputy director", "superintendent"],
            .director: [
                "director", "chief executive", "director of children s services", "dcs", "chief officer",
                "executive director", "chief superintendent", "chief nurse",
            ],
            .partnershipBusinessOffice: [
                "business manager", "partnership business manager", "business unit", "business office",
                "partnership manager", "lscp business manager", "scp business manager",
            ],
            .statutoryPartners: [
                "safeguarding partners", "statutory partners", "three safeguarding partners", "executive group",
                "executive board", "lead safeguarding partners",
            ],
            .independentScrutineer: ["independent scrutineer", "scrutineer", "independent scrutiny officer"],
        ]
        var synonyms: [String: RoleLevel] = [:]
        for (level, names) in titles {
            for name in names { synonyms[Suggestion.words(name)] = level }
        }
        return synonyms
    }()
}

extension RoleLevel {
    /// Titles protocols give the level, for the editor's picker: "Team Manager, Supervisor, DSL".
    public var exampleTitles: String {
        switch self {
        case .practitioner: "social worker, health visitor, teacher"
        case .lineManager: "Team Manager, Supervisor, DSL, Detective Sergeant"
        case .seniorManager: "Service Manager, Senior Liaison Officer, Detective Inspector"
        case .headOfService: "Head of Service, Detective Chief Inspector"
        case .assistantDirector: "Assistant Director, Deputy Director, Superintendent"
        case .director: "Director of Children's Services, Chief Executive, Chief Nurse"
        case .partnershipBusinessOffice: "Business Manager, business unit"
        case .statutoryPartners: "the safeguarding partners, executive group"
        case .independentScrutineer: "independent scrutiny officer"
        }
    }

    /// The level a protocol's title names ("Team Manager" is a line manager), when it names one.
    public static func level(forTitle title: String) -> RoleLevel? {
        let words = Suggestion.words(title)
        if let level = synonyms[words] { return level }
        // "Team Manager or agency equivalent": the longest known title inside it.
        let padded = " \(words) "
        return synonyms.filter { padded.contains(" \($0.key) ") }.max { $0.key.count < $1.key.count }?.value
    }
}
