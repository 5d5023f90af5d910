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
