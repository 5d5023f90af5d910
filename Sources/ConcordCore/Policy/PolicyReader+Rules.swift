import Yams

extension PolicyReader {
    static func readAcknowledgement(_ node: Node, _ reader: NodeReader) -> Acknowledgement? {
        guard let fields = reader.mapping(node, "acknowledgement", required: ["stage", "timescale"]) else {
            return nil
        }
        let stage = fields["stage"].flatMap { readIdentifier($0, fields.field("stage"), reader) }
        let timescale = fields["timescale"].flatMap {
            readTimescale($0, fields.field("timescale"), .stageStart, reader)
        }
        if let timescale, ![.stageStart, .receivedInWriting].contains(timescale.from) {
            reader.report(
                fields["timescale"]?["from"], fields.field("timescale.from"),
                "an acknowledgement is due after its stage begins, so it counts from stage-start (or "
                    + "received-in-writing, the same day); \"\(timescale.from.rawValue)\" could make it due before the stage starts"
            )
        }
        guard let stage, let timescale else { return nil }
        return Acknowledgement(stage: stage, timescale: timescale)
    }

    static func readRule(_ node: Node, _ path: String, _ reader: NodeReader) -> PolicyRule? {
        let kinds = [
            "risk-escalation", "significant-harm-notification", "required-participant", "review-consideration",
            "meeting-participant",
        ]
        guard case .mapping = node, let kindNode = node["kind"] else {
            reader.report(node, path, "expected a mapping with \"kind\" (one of \(kinds.joined(separator: ", ")))")
            return nil
        }
        guard let kind = reader.string(kindNode, "\(path).kind") else { return nil }
        switch kind {
        case "risk-escalation":
            guard let fields = reader.mapping(node, path, required: ["kind", "to"], optional: ["quote"]) else {
                return nil
            }
            guard let to = fields["to"].flatMap({ readIdentifier($0, fields.field("to"), reader) }) else { return nil }
            return PolicyRule(kind: .riskEscalation(to: to), quote: quote(fields, reader))
        case "significant-harm-notification":
            guard let fields = reader.mapping(node, path, required: ["kind", "notify"], optional: ["quote"]) else {
                return nil
            }
            let notify = reader.list(fields["notify"], fields.field("notify")) {
                reader.choice($0, $1, of: NotifyTarget.self)
            }
            return PolicyRule(kind: .significantHarmNotification(notify: notify), quote: quote(fields, reader))
        case "required-participant":
            guard
                let fields = reader.mapping(
                    node, path, required: ["kind", "participant", "before_leaving"], optional: ["when", "quote"])
            else { return nil }
            let capacity = fields["participant"].flatMap {
                reader.choice($0, fields.field("participant"), of: Capacity.self)
            }
            let condition = fields["when"].flatMap { readCondition($0, fields.field("when"), reader) }
            let stages = fields["before_leaving"].flatMap { readStageList($0, fields.field("before_leaving"), reader) }
            guard let capacity, let stages else { return nil }
            return PolicyRule(
                kind: .requiredParticipant(capacity, when: condition, beforeLeaving: stages),
                quote: quote(fields, reader))
        case "review-consideration":
            guard
                let fields = reader.mapping(node, path, required: ["kind", "stage", "review"], optional: ["quote"])
            else { return nil }
            let stage = fields["stage"].flatMap { readIdentifier($0, fields.field("stage"), reader) }
            let review = fields["review"].flatMap { reader.string($0, fields.field("review")) }
            guard let stage, let review else { return nil }
            return PolicyRule(kind: .reviewConsideration(stage: stage, review: review), quote: quote(fields, reader))
        case "meeting-participant":
            guard
                let fields = reader.mapping(
                    node, path, required: ["kind", "participant", "stage"], optional: ["when", "quote"])
            else { return nil }
            let capacity = fields["participant"].flatMap {
                reader.choice($0, fields.field("participant"), of: Capacity.self)
            }
            let condition = fields["when"].flatMap { readCondition($0, fields.field("when"), reader) }
            let stage = fields["stage"].flatMap { readIdentifier($0, fields.field("stage"), reader) }
            guard let capacity, let stage else { return nil }
            return PolicyRule(
                kind: .meetingParticipant(capacity, when: condition, stage: stage), quote: quote(fields, reader))
        default:
            reader.report(
                kindNode, "\(path).kind",
                "unknown rule kind \"\(kind)\"; expected one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", "))")
            return nil
        }
    }

    static func readRoute(_ node: Node, _ path: String, _ reader: NodeReader) -> ExternalRoute? {
        guard
            let fields = reader.mapping(
                node, path, required: ["id", "name", "kind"], optional: ["taken_by", "acting_partner", "quote"])
        else { return nil }
        let id = fields["id"].flatMap { readIdentifier($0, fields.field("id"), reader) }
        let name = fields["name"].flatMap { reader.string($0, fields.field("name")) }
        let kind = fields["kind"].flatMap { reader.choice($0, fields.field("kind"), of: ExternalRouteKind.self) }
        let takenBy = reader.list(fields["taken_by"], fields.field("taken_by")) {
            reader.choice($0, $1, of: RoleLevel.self)
        }
        let acting = fields["acting_partner"].flatMap { reader.bool($0, fields.field("acting_partner")) } ?? false
        guard let id, let name, let kind else { return nil }
        return ExternalRoute(
            id: id, name: name, kind: kind, takenBy: takenBy, actingPartner: acting, quote: quote(fields, reader))
    }

    static func readReferenceDocument(_ node: Node, _ path: String, _ reader: NodeReader) -> ReferenceDocument? {
        guard
            let fields = reader.mapping(node, path, required: ["title"], optional: ["address", "stages", "quote"])
        else { return nil }
        let title = fields["title"].flatMap { reader.string($0, fields.field("title")) }
        let address = fields["address"].flatMap { reader.string($0, fields.field("address")) }
        if let address, !(address.hasPrefix("https://") || address.hasPrefix("http://")), let node = fields["address"] {
            reader.report(node, fields.field("address"), "expected a web address starting with https://")
        }
        let stages = fields["stages"].flatMap { readStageList($0, fields.field("stages"), reader) } ?? []
        guard let title else { return nil }
        return ReferenceDocument(title: title, address: address, stages: stages, quote: quote(fields, reader))
    }

    /// One stage id, or a list of them.
    private static func readStageList(_ node: Node, _ path: String, _ reader: NodeReader) -> [String]? {
        if case .scalar = node {
            return readIdentifier(node, path, reader).map { [$0] }
        }
        let ids = reader.list(node, path) { readIdentifier($0, $1, reader) }
        return ids.isEmpty ? nil : ids
    }

    private static func readCondition(_ node: Node, _ path: String, _ reader: NodeReader) -> Condition? {
        guard let fields = reader.mapping(node, path, required: [], optional: ["child", "category"]) else {
            return nil
        }
        let child = reader.list(fields["child"], fields.field("child")) { reader.choice($0, $1, of: ChildFlag.self) }
        let category = reader.list(fields["category"], fields.field("category")) {
            reader.choice($0, $1, of: DisputeCategory.self)
        }
        if fields["child"] == nil && fields["category"] == nil {
            reader.report(node, path, "expected \"child\" or \"category\" (or both) to say when the rule applies")
            return nil
        }
        return Condition(child: child, category: category)
    }

    private static func quote(_ fields: Fields, _ reader: NodeReader) -> String? {
        fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
    }
}
