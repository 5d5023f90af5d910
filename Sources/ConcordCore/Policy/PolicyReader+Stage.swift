import Yams

extension PolicyReader {
    static func readStage(_ node: Node, _ path: String, _ reader: NodeReader) -> Stage? {
        // A stage whose protocol text is not yet written needs only its id and title in a draft,
        // and stops the policy being installed until it is written.
        let pending = node["not_yet_available"]?.bool == true
        guard
            let fields = reader.mapping(
                node, path,
                required: pending ? ["id", "title"] : ["id", "title", "summary", "participants", "timescale"],
                optional: [
                    "source", "contact", "records", "may_record", "confirmation_subject", "meeting", "forms",
                    "notify_line_manager_if_unresolved", "clocks", "inform", "routes", "not_yet_available",
                ] + (pending ? ["summary", "participants", "timescale"] : []))
        else { return nil }
        if let marker = fields["not_yet_available"] {
            if marker.bool == nil {
                reader.report(marker, fields.field("not_yet_available"), "expected true, or leave it out")
            } else if pending, !reader.drafting {
                reader.report(
                    marker, fields.field("not_yet_available"),
                    "the protocol's text for this stage is not yet available; write the stage before the policy is installed, so that no dispute ends early for want of it"
                )
            }
        }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let summary = fields["summary"].flatMap { reader.string($0, fields.field("summary")) }
        let source = fields["source"].flatMap { reader.string($0, fields.field("source")) }
        let participants = reader.list(fields["participants"], fields.field("participants")) {
            readParticipant($0, $1, reader)
        }
        var timescale: Timescale?
        if let node = fields["timescale"], node.scalar?.string != "none" {
            timescale = readTimescale(
                node, fields.field("timescale"), .stageStart, reader, allowNone: true, ofStage: true,
                earlierStage: true)
        }
        let contact = fields["contact"].flatMap { readContact($0, fields.field("contact"), reader) }
        var customRecords: [CustomRecord] = []
        func record(required: Bool) -> (Node, String) -> RecordKind? {
            { node, path in
                guard case .mapping = node else { return reader.choice(node, path, of: RecordKind.self) }
                if let custom = readCustomRecord(node, path, required: required, reader) {
                    if customRecords.contains(where: { $0.id == custom.id }) {
                        reader.report(node["id"], "\(path).id", "duplicate record id \"\(custom.id)\" in this stage")
                    }
                    customRecords.append(custom)
                }
                return nil
            }
        }
        let records = reader.list(fields["records"], fields.field("records"), record(required: true))
        let mayRecord = reader.list(fields["may_record"], fields.field("may_record"), record(required: false))
        for kind in Set(records).intersection(mayRecord) {
            reader.report(
                fields["may_record"], fields.field("may_record"),
                "\"\(kind.rawValue)\" is already required under records")
        }
        let subject = fields["confirmation_subject"].flatMap { reader.quote($0, fields.field("confirmation_subject")) }
        let meeting = fields["meeting"].flatMap { readMeeting($0, fields.field("meeting"), reader) }
        let forms = reader.list(fields["forms"], fields.field("forms")) { readForm($0, $1, reader) }
        if timescale?.metBy == .meetingOffered, meeting == nil, let node = fields["timescale"] {
            reader.report(
                node["met_by"], fields.field("timescale") + ".met_by",
                "\"meeting-offered\" needs the stage to have a meeting; add one under meeting")
        }
        let notify = fields["notify_line_manager_if_unresolved"].flatMap {
            readLineManagerNotice($0, fields.field("notify_line_manager_if_unresolved"), reader)
        }
        let clocks = readClocks(fields["clocks"], fields.field("clocks"), hasMeeting: meeting != nil, reader)
        let routes = readRoutes(fields["routes"], fields.field("routes"), reader)
        let inform = reader.list(fields["inform"], fields.field("inform")) { node, path -> InformedParty? in
            guard let fields = reader.mapping(node, path, required: ["level"], optional: ["quote"]) else { return nil }
            let level = fields["level"].flatMap { reader.choice($0, fields.field("level"), of: RoleLevel.self) }
            let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
            return level.map { InformedParty(level: $0, quote: quote) }
        }
        guard let id, let title, let summary = summary ?? (pending ? "" : nil) else { return nil }
        var stage = Stage(
            id: id, title: title, source: source, summary: summary, participants: participants, timescale: timescale,
            clocks: clocks, routes: routes, contact: contact, records: records, mayRecord: mayRecord,
            customRecords: customRecords,
            confirmationSubject: subject, meeting: meeting, forms: forms, notifyLineManagerIfUnresolved: notify,
            inform: inform)
        stage.notYetAvailable = pending
        return stage
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
            let fields = reader.mapping(
                node, path, required: ["level"],
                optional: ["side", "title", "capacity", "only_if", "equivalents", "in_absence"])
        else { return nil }
        let level = fields["level"].flatMap { reader.choice($0, fields.field("level"), of: RoleLevel.self) }
        let side = fields["side"].flatMap { reader.choice($0, fields.field("side"), of: Side.self) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let capacity = fields["capacity"].flatMap { reader.choice($0, fields.field("capacity"), of: Capacity.self) }
        let onlyIf = fields["only_if"].flatMap { reader.quote($0, fields.field("only_if")) }
        var equivalents: [AgencyType: String] = [:]
        if let node = fields["equivalents"] {
            let allowed = AgencyType.allCases.map(\.rawValue)
            if let map = reader.mapping(node, fields.field("equivalents"), required: [], optional: allowed) {
                for type in AgencyType.allCases {
                    if let value = map[type.rawValue].flatMap({ reader.string($0, map.field(type.rawValue)) }) {
                        equivalents[type] = value
                    }
                }
            }
        }
        let inAbsence = fields["in_absence"].flatMap { reader.string($0, fields.field("in_absence")) }
        guard let level else { return nil }
        return Participant(
            level: level, side: side ?? .both, title: title, capacity: capacity, onlyIf: onlyIf,
            equivalents: equivalents, inAbsence: inAbsence)
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
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        return ContactExpectation(methods: methods, discouraged: discouraged, quote: quote)
    }

    private static func readMeeting(_ node: Node, _ path: String, _ reader: NodeReader) -> Meeting? {
        guard
            let fields = reader.mapping(
                node, path, required: ["name"], optional: ["required", "chair", "templates", "learning", "quote"])
        else { return nil }
        let name = fields["name"].flatMap { reader.string($0, fields.field("name")) }
        let required = fields["required"].flatMap { reader.bool($0, fields.field("required")) }
        let chair = fields["chair"].flatMap { reader.choice($0, fields.field("chair"), of: RoleLevel.self) }
        let templates = reader.list(fields["templates"], fields.field("templates")) {
            reader.choice($0, $1, of: MeetingTemplate.self)
        }
        let learning = fields["learning"].flatMap { reader.bool($0, fields.field("learning")) } ?? false
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        guard let name else { return nil }
        return Meeting(
            name: name, required: required ?? false, chair: chair, templates: templates, learning: learning,
            quote: quote)
    }

    private static func readForm(_ node: Node, _ path: String, _ reader: NodeReader) -> Form? {
        guard let fields = reader.mapping(node, path, required: ["id", "title"], optional: ["quote"]) else {
            return nil
        }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        guard let id, let title else { return nil }
        return Form(id: id, title: title, quote: quote)
    }

    /// A record in the protocol's own words: `{id, title, quote}` in `records` or `may_record`.
    private static func readCustomRecord(
        _ node: Node, _ path: String, required: Bool, _ reader: NodeReader
    ) -> CustomRecord? {
        guard let fields = reader.mapping(node, path, required: ["id", "title"], optional: ["quote"]) else {
            return nil
        }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        if let id, RecordKind(rawValue: id) != nil {
            reader.report(
                fields["id"], fields.field("id"),
                "\"\(id)\" is one of Concord's own records; list it by name instead of as a mapping")
        }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        guard let id, let title, RecordKind(rawValue: id) == nil else { return nil }
        return CustomRecord(id: id, title: title, required: required, quote: quote)
    }

    /// A stage's routes: ids unique within the stage, and not "standard", which is the stage's own.
    private static func readRoutes(_ node: Node?, _ path: String, _ reader: NodeReader) -> [StageRoute] {
        let entries = reader.indexedList(node, path) { node, path -> StageRoute? in
            guard
                let fields = reader.mapping(
                    node, path, required: ["id", "name", "timescale"], optional: ["when", "quote", "participants"])
            else { return nil }
            let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
            if id == "standard", let node = fields["id"] {
                reader.report(
                    node, fields.field("id"), "\"standard\" is the stage's own timescale; give this route another id")
            }
            let name = fields["name"].flatMap { reader.string($0, fields.field("name")) }
            let when = fields["when"].flatMap { reader.quote($0, fields.field("when")) }
            let timescale = fields["timescale"].flatMap {
                readTimescale($0, fields.field("timescale"), .stageStart, reader, ofStage: true)
            }
            let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
            let people =
                fields["participants"].map { node in
                    reader.list(node, fields.field("participants")) { readParticipant($0, $1, reader) }
                } ?? []
            guard let id, id != "standard", let name, let timescale else { return nil }
            var route = StageRoute(id: id, name: name, when: when, timescale: timescale, quote: quote)
            route.participants = people
            return route
        }
        var seen: Set<String> = []
        for entry in entries where !seen.insert(entry.value.id).inserted {
            reader.report(
                entry.node["id"], "\(entry.path).id", "duplicate route id \"\(entry.value.id)\" in this stage")
        }
        return entries.map(\.value)
    }
}
