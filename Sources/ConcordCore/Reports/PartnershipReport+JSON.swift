import Foundation

/// The report as `concord report --format json` writes it: snake_case keys, nulls written out,
/// so a missing figure is never mistaken for a missing key.
extension PartnershipReport: Encodable {
    private enum Keys: String, CodingKey {
        case partnership, partnershipName = "partnership_name", from, to, filters, raised
        case byRaisingAgency = "by_raising_agency", byReceivingAgency = "by_receiving_agency"
        case byCategory = "by_category", ended, referredByRoute = "referred_by_route", stages
        case acknowledgement, wholeProcess = "whole_process", significantHarm = "significant_harm", months, learning
    }

    private enum FilterKeys: String, CodingKey { case agency, category }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(partnership, forKey: .partnership)
        try container.encode(partnershipName, forKey: .partnershipName)
        try container.encode(from.iso, forKey: .from)
        try container.encode(to.iso, forKey: .to)
        var filters = container.nestedContainer(keyedBy: FilterKeys.self, forKey: .filters)
        try filters.encode(agency, forKey: .agency)
        try filters.encode(category?.rawValue, forKey: .category)
        try container.encode(raised, forKey: .raised)
        try container.encode(byRaisingAgency, forKey: .byRaisingAgency)
        try container.encode(byReceivingAgency, forKey: .byReceivingAgency)
        try container.encode(byCategory, forKey: .byCategory)
        try container.encode(
            ["resolved": ended.resolved, "referred": ended.referred, "withdrawn": ended.withdrawn, "open": ended.open],
            forKey: .ended)
        try container.encode(referredByRoute, forKey: .referredByRoute)
        try container.encode(stages, forKey: .stages)
        try container.encode(acknowledgement, forKey: .acknowledgement)
        try container.encode(wholeProcess, forKey: .wholeProcess)
        try container.encode(significantHarm, forKey: .significantHarm)
        try container.encode(months, forKey: .months)
        try container.encode(learning, forKey: .learning)
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension PartnershipReport.Count: Encodable {
    private enum Keys: String, CodingKey { case key, label, count }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(key, forKey: .key)
        try container.encode(label, forKey: .label)
        try container.encode(count, forKey: .count)
    }
}

extension PartnershipReport.Stage: Encodable {
    private enum Keys: String, CodingKey {
        case id, title, reached, resolvedHere = "resolved_here", overdueNow = "overdue_now"
    }

    public func encode(to encoder: any Encoder) throws {
        try timeliness.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(reached, forKey: .reached)
        try container.encode(resolvedHere, forKey: .resolvedHere)
        try container.encode(overdueNow, forKey: .overdueNow)
    }
}

extension Timeliness: Encodable {
    private enum Keys: String, CodingKey {
        case entered, withinTimescale = "within_timescale", late
        case medianWorkingDays = "median_working_days", p90WorkingDays = "p90_working_days"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(entered, forKey: .entered)
        try container.encode(withinTimescale, forKey: .withinTimescale)
        try container.encode(late, forKey: .late)
        try container.encode(medianWorkingDays, forKey: .medianWorkingDays)
        try container.encode(p90WorkingDays, forKey: .p90WorkingDays)
    }
}

extension PartnershipReport.Month: Encodable {
    private enum Keys: String, CodingKey { case month, raised, resolved }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(month, forKey: .month)
        try container.encode(raised, forKey: .raised)
        try container.encode(resolved, forKey: .resolved)
    }
}
