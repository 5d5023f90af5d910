import Yams

extension PolicyReader {
    static let clockUnits = ["working_days", "calendar_days", "months", "hours", "immediately"]

    /// A stage's further clocks. Each is checked against the stage it is in: ids unique, `after`
    /// naming an earlier clock, a letter for a letter clock, and a meeting for one met by a
    /// meeting offered.
    static func readClocks(_ node: Node?, _ path: String, hasMeeting: Bool, _ reader: NodeReader) -> [Clock] {
        let entries = reader.indexedList(node, path) { readClock($0, $1, reader) }
        var seen: [String] = []
        for entry in entries {
            let clock = entry.value
            if seen.contains(clock.id) {
                reader.report(entry.node["id"], "\(entry.path).id", "duplicate clock id \"\(clock.id)\" in this stage")
            }
            if let after = clock.after, !seen.contains(after) {
                let earlier =
                    seen.isEmpty
                    ? "this stage has no clock before it"
                    : "clocks before it are \(seen.map { "\"\($0)\"" }.joined(separator: ", "))"
                reader.report(
                    entry.node["after"], "\(entry.path).after",
                    "names clock \"\(after)\", which does not come before it in this stage; \(earlier)")
            }
            if clock.metBy == .meetingOffered, !hasMeeting {
                reader.report(
                    entry.node["met_by"], "\(entry.path).met_by",
                    "\"meeting-offered\" needs the stage to have a meeting; add one under meeting")
            }
            seen.append(clock.id)
        }
        return entries.map(\.value)
    }

    private static func readClock(_ node: Node, _ path: String, _ reader: NodeReader) -> Clock? {
        guard
            let fields = reader.mapping(
                node, path, required: ["id", "name", "kind"],
                optional: clockUnits + ["by", "from", "after", "met_by", "letter", "indicative", "quote"])
        else { return nil }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let name = fields["name"].flatMap { reader.string($0, fields.field("name")) }
        let kind = fields["kind"].flatMap { reader.choice($0, fields.field("kind"), of: Clock.Kind.self) }
        let by = fields["by"].flatMap { reader.choice($0, fields.field("by"), of: Side.self) }
        let amount = readAmountAndUnit(node, path, fields, reader)
        let from = fields["from"].flatMap { reader.choice($0, fields.field("from"), of: Timescale.Anchor.self) }
        if from == .latestDiscussion, let node = fields["from"] {
            reader.report(
                node, fields.field("from"),
                "a clock counts from one day; latest-discussion is only for a stage's timescale")
        }
        let after = fields["after"].flatMap { readIdentifier($0, fields.field("after"), reader) }
        if fields["after"] != nil, let node = fields["from"] {
            reader.report(
                node, fields.field("from"), "give from or after, not both: after counts from the day that clock is met")
        }
        let metBy = fields["met_by"].flatMap { reader.choice($0, fields.field("met_by"), of: Timescale.Milestone.self) }
        let letter = fields["letter"].flatMap { reader.string($0, fields.field("letter")) }
        let indicative = fields["indicative"].flatMap { reader.bool($0, fields.field("indicative")) } ?? false
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        switch kind {
        case .beginWithin where metBy == nil:
            let choices = Timescale.Milestone.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            reader.report(node, path, "a begin-within clock needs met_by: what recorded step meets it (\(choices))")
        case .letterWithin where letter == nil:
            reader.report(node, path, "a letter-within clock needs letter: the letter's name, e.g. \"Outcome letter\"")
        case .some(let kind) where kind != .beginWithin && metBy != nil:
            reader.report(
                fields["met_by"], fields.field("met_by"),
                "only a begin-within clock is met by a recorded step; a \(kind.rawValue) clock is met by \(kind == .letterWithin ? "the letter being sent" : kind == .respondWithin ? "the response" : "leaving the stage")"
            )
        case .some(let kind) where kind != .letterWithin && letter != nil:
            reader.report(fields["letter"], fields.field("letter"), "only a letter-within clock asks for a letter")
        default: break
        }
        guard let id, let name, let kind, let amount else { return nil }
        let side = by ?? (kind == .respondWithin || kind == .letterWithin ? .receiving : .both)
        return Clock(
            id: id, name: name, kind: kind, by: side, amount: amount.amount, unit: amount.unit,
            from: from ?? .stageStart,
            after: after, metBy: metBy, letter: letter, indicative: indicative, quote: quote)
    }

    /// Exactly one of the units, with its amount.
    static func readAmountAndUnit(
        _ node: Node, _ path: String, _ fields: Fields, _ reader: NodeReader
    ) -> (amount: Int, unit: Timescale.Unit)? {
        let given = clockUnits.filter { fields[$0] != nil }
        guard given.count == 1, let unitKey = given.first, let unit = Timescale.Unit(rawValue: unitKey) else {
            let found = given.isEmpty ? "none of them" : given.joined(separator: " and ")
            reader.report(
                node, path,
                "expected exactly one of working_days, calendar_days, months, hours or immediately, found \(found)")
            return nil
        }
        return fields[unitKey].flatMap { readAmount($0, fields.field(unitKey), unit, reader) }.map { ($0, unit) }
    }
}
