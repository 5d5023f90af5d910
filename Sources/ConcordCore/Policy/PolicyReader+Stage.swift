import Yams

extension PolicyReader {
    static func readStage(_ node: Node, _ path: String, _ reader: NodeReader) -> Stage? {
        guard
            let fields = reader.mapping(
                node, path, required: ["id", "title", "summary", "participants", "timescale"],
                optional: [
                    "source", "contact", "records", "confirmation_subject", "meeting", "forms",
                    "notify_line_manager_if_unresolved",
                ])
        else { return nil }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let summary = fields["summary"].flatMap { reader.string($0, fields.field("summary")) }
        let source = fields["source"].flatMap { reader.string($0, fields.field("source")) }
        let participants = reader.list(fields["participants"], fields.field("participants")) {
            readParticipant($0, $1, reader)
        }
        var timescale: Timescale?
        if let node = fields["timescale"], node.scalar?.string != "none" {
            timescale = readTimescale(node, fields.field("timescale"), .stageStart, reader, allowNone: true)
        }
        let contact = fields["contact"].flatMap { readContact($0, fields.field("contact"), reader) }
        let records = reader.list(fields["records"], fields.field("records")) {
            reader.choice($0, $1, of: RecordKind.self)
        }
        let subject = fields["confirmation_subject"].flatMap { reader.string($0, fields.field("confirmation_subject")) }
        let meeting = fields["meeting"].flatMap { readMeeting($0, fields.field("meeting"), reader) }
        let forms = reader.list(fields["forms"], fields.field("forms")) { readForm($0, $1, reader) }
        let notify = fields["notify_line_manager_if_unresolved"].flatMap {
            readLineManagerNotice($0, fields.field("notify_line_manager_if_unresolved"), reader)
        }
        guard let id, let title, let summary else { return nil }
        return Stage(
            id: id, title: title, source: source, summary: summary, participants: participants, timescale: timescale,
            contact: contact, records: records, confirmationSubject: subject, meeting: meeting, forms: forms,
            notifyLineManagerIfUnresolved: notify)
    }

    static func readTimescale(
        _ node: Node, _ path: String, _ defaultAnchor: Timescale.Anchor, _ reader: NodeReader, allowNone: Bool = false
    ) -> Timescale? {
        let units = ["working_days", "calendar_days", "months"]
        if case .scalar = node {
            let expected = allowNone ? "\"none\" or a mapping" : "a mapping"
            reader.report(node, path, "expected \(expected) with one of working_days, calendar_days or months")
            return nil
        }
        guard let fields = reader.mapping(node, path, required: [], optional: units + ["from", "quote"]) else {
            return nil
        }
        let given = units.filter { fields[$0] != nil }
        guard given.count == 1, let unitKey = given.first, let unit = Timescale.Unit(rawValue: unitKey) else {
            let found = given.isEmpty ? "none of them" : given.joined(separator: " and ")
            reader.report(node, path, "expected exactly one of working_days, calendar_days or months, found \(found)")
            return nil
        }
        let amount = fields[unitKey].flatMap { reader.positiveInt($0, fields.field(unitKey)) }
        let anchor = fields["from"].flatMap { reader.choice($0, fields.field("from"), of: Timescale.Anchor.self) }
        let quote = fields["quote"].flatMap { reader.string($0, fields.field("quote")) }
        guard let amount else { return nil }
        return Timescale(amount: amount, unit: unit, from: anchor ?? defaultAnchor, quote: quote)
    }

    static func readIdentifier(_ node: Node, _ path: String, _ reader: NodeReader) -> String? {
        guard let text = reader.string(node, path) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard allowed, text.first != "-", text.last != "-" else {
            reader.report(node, path, "\"\(text)\" is not a valid id; use lower-case letters, digits and hyphens")
            return nil
        }
        return text
    }

    private static func readParticipant(_ node: Node, _ path: String, _ reader: NodeReader) -> Participant? {
        guard
            let fields = reader.mapping(node, path, required: ["level"], optional: ["side", "title", "capacity"])
        else { return nil }
        let level = fields["level"].flatMap { reader.choice($0, fields.field("level"), of: RoleLevel.self) }
        let side = fields["side"].flatMap { reader.choice($0, fields.field("side"), of: Side.self) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let capacity = fields["capacity"].flatMap { reader.choice($0, fields.field("capacity"), of: Capacity.self) }
        guard let level else { return nil }
        return Participant(level: level, side: side ?? .both, title: title, capacity: capacity)
    }

    private static func readContact(_ node: Node, _ path: String, _ reader: NodeReader) -> ContactExpectation? {
        guard let fields = reader.mapping(node, path, required: ["methods"], optional: ["discouraged", "quote"]) else {
            return nil
        }
        let methods = reader.list(fields["methods"], fields.field("methods")) {
            reader.choice($0, $1, of: ContactMethod.self)
        }
        let discouraged = reader.list(fields["discouraged"], fields.field("discouraged")) {
            reader.choice($0, $1, of: ContactMethod.self)
        }
        for method in Set(methods).intersection(discouraged) {
            reader.report(node, path, "\"\(method.rawValue)\" is both expected and discouraged")
        }
        let quote = fields["quote"].flatMap { reader.string($0, fields.field("quote")) }
        return ContactExpectation(methods: methods, discouraged: discouraged, quote: quote)
    }

    private static func readMeeting(_ node: Node, _ path: String, _ reader: NodeReader) -> Meeting? {
        guard
            let fields = reader.mapping(
                node, path, required: ["name"], optional: ["required", "chair", "templates", "quote"])
        else { return nil }
        let name = fields["name"].flatMap { reader.string($0, fields.field("name")) }
        let required = fields["required"].flatMap { reader.bool($0, fields.field("required")) }
        let chair = fields["chair"].flatMap { reader.choice($0, fields.field("chair"), of: RoleLevel.self) }
        let templates = reader.list(fields["templates"], fields.field("templates")) {
            reader.choice($0, $1, of: MeetingTemplate.self)
        }
        let quote = fields["quote"].flatMap { reader.string($0, fields.field("quote")) }
        guard let name else { return nil }
        return Meeting(name: name, required: required ?? false, chair: chair, templates: templates, quote: quote)
    }

    private static func readForm(_ node: Node, _ path: String, _ reader: NodeReader) -> Form? {
        guard let fields = reader.mapping(node, path, required: ["id", "title"], optional: ["quote"]) else {
            return nil
        }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let quote = fields["quote"].flatMap { reader.string($0, fields.field("quote")) }
        guard let id, let title else { return nil }
        return Form(id: id, title: title, quote: quote)
    }
}
