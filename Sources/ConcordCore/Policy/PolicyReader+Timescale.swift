import Yams

extension PolicyReader {
    /// Reads a timescale. `ofStage` is true for a stage's own timescale and the protocol-wide
    /// stage limit: only they can wait for something recorded at the stage, be met by it, or be
    /// a maximum the people at the stage agree within.
    static func readTimescale(
        _ node: Node, _ path: String, _ defaultAnchor: Timescale.Anchor, _ reader: NodeReader, allowNone: Bool = false,
        ofStage: Bool = false, earlierStage: Bool = false
    ) -> Timescale? {
        if case .scalar = node {
            let expected = allowNone ? "\"none\" or a mapping" : "a mapping"
            reader.report(
                node, path, "expected \(expected) with one of working_days, calendar_days, months, hours or immediately"
            )
            return nil
        }
        let stageKeys = (ofStage ? ["kind", "met_by", "agreed"] : []) + (earlierStage ? ["of_stage"] : [])
        guard
            let fields = reader.mapping(
                node, path, required: [], optional: clockUnits + ["from"] + stageKeys + ["quote"])
        else { return nil }
        let reading = readAmountAndUnit(node, path, fields, reader)
        let amount = reading?.amount
        let unit = reading?.unit
        let anchor = fields["from"].flatMap { reader.choice($0, fields.field("from"), of: Timescale.Anchor.self) }
        if let anchor, anchor.isEvent, !ofStage, let from = fields["from"] {
            reader.report(
                from, fields.field("from"),
                "\"\(anchor.rawValue)\" counts from something recorded at a stage, so only a stage's timescale or stage_limit can use it"
            )
        }
        let kind = fields["kind"].flatMap { reader.choice($0, fields.field("kind"), of: Timescale.Kind.self) }
        let metBy = fields["met_by"].flatMap { reader.choice($0, fields.field("met_by"), of: Timescale.Milestone.self) }
        if kind == .beginWithin, fields["met_by"] == nil {
            reader.report(
                node, path,
                "a begin-within timescale needs met_by: what recorded step meets it (\(Timescale.Milestone.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))"
            )
        }
        let agreed = fields["agreed"].flatMap { reader.bool($0, fields.field("agreed")) } ?? false
        if agreed, unit != nil, unit != .workingDays, let agreedNode = fields["agreed"] {
            reader.report(agreedNode, fields.field("agreed"), "an agreed timescale is a maximum in working_days")
        }
        let earlier = fields["of_stage"].flatMap { reader.string($0, fields.field("of_stage")) }
        if earlier != nil, let anchor, anchor != .stageStart, let from = fields["from"] {
            reader.report(
                from, fields.field("from"), "of_stage counts from another stage's start, so from must be stage-start")
        }
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        guard let amount, let unit else { return nil }
        var timescale = Timescale(
            amount: amount, unit: unit, from: anchor ?? defaultAnchor, kind: kind ?? .completeWithin,
            metBy: metBy, agreed: agreed, quote: quote)
        timescale.ofStage = earlier
        return timescale
    }

    /// A whole number of the unit, or `true` for immediately. Nought is refused with what to
    /// write instead, since a protocol that says "the same day" means immediately.
    static func readAmount(_ node: Node, _ path: String, _ unit: Timescale.Unit, _ reader: NodeReader) -> Int? {
        if unit == .immediately {
            guard reader.bool(node, path) == true else {
                if node.scalar?.string == "false" {
                    reader.report(node, path, "write immediately: true, or leave it out")
                }
                return nil
            }
            return 0
        }
        if node.scalar?.string == "0" {
            reader.report(
                node, path,
                "expected a positive whole number, found 0; for \"immediately\" or \"the same working day\" write immediately: true"
            )
            return nil
        }
        return reader.positiveInt(node, path)
    }
}
