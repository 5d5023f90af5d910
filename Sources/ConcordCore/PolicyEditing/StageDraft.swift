import Yams

/// One stage as the editor's form shows it. Writing it back sets only these keys, so anything
/// else the stage says in YAML (clocks, routes, meetings, forms) is kept.
public struct StageDraft: Hashable, Sendable {
    public struct Person: Hashable, Sendable {
        public var level: RoleLevel
        public var side: Side
        /// The protocol's own name for them.
        public var title: String

        public init(level: RoleLevel, side: Side, title: String) {
            self.level = level
            self.side = side
            self.title = title
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var people: [Person]
    public var timescale: TimescalePhrase
    /// The protocol's words for the timescale, picked from its text.
    public var quote: String
    public var records: [RecordKind]
    /// The protocol's text for the stage is not yet available: the draft cannot be installed.
    public var notYetAvailable: Bool
    /// Keys written in the YAML that the form has no field for, kept as they are.
    public private(set) var otherKeys: [String] = []

    public init(
        id: String, title: String, summary: String, people: [Person], timescale: TimescalePhrase, quote: String,
        records: [RecordKind], notYetAvailable: Bool
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.people = people
        self.timescale = timescale
        self.quote = quote
        self.records = records
        self.notYetAvailable = notYetAvailable
    }

    static let formKeys: Set<String> = [
        "id", "title", "summary", "participants", "timescale", "records", "not_yet_available",
    ]
    static let unitKeys = ["working_days", "calendar_days", "months", "hours", "immediately"]

    init(node: Node) {
        id = node["id"]?.string ?? ""
        title = node["title"]?.string ?? ""
        summary = node["summary"]?.string ?? ""
        people = (node["participants"]?.sequence.map(Array.init) ?? []).compactMap { person in
            guard let level = person["level"]?.string.flatMap(RoleLevel.init(rawValue:)) else { return nil }
            return Person(
                level: level, side: person["side"]?.string.flatMap(Side.init(rawValue:)) ?? .both,
                title: person["title"]?.string ?? "")
        }
        timescale = Self.phrase(node["timescale"])
        quote = node["timescale"]?["quote"]?.string ?? ""
        records = (node["records"]?.sequence.map(Array.init) ?? []).compactMap {
            $0.string.flatMap(RecordKind.init(rawValue:))
        }
        notYetAvailable = node["not_yet_available"]?.bool == true
        otherKeys = (node.mapping?.keys.compactMap(\.string) ?? []).filter { !Self.formKeys.contains($0) }
    }

    static func phrase(_ node: Node?) -> TimescalePhrase {
        guard let node, case .mapping = node else { return .none }
        var phrase = TimescalePhrase.none
        for key in unitKeys {
            guard let value = node[key] else { continue }
            phrase.unit = Timescale.Unit(rawValue: key)
            phrase.amount = key == "immediately" ? 1 : value.int
        }
        phrase.from = node["from"]?.string.flatMap(Timescale.Anchor.init(rawValue:)) ?? .stageStart
        phrase.ofStage = node["of_stage"]?.string
        return phrase
    }

    func written(over node: Node) -> Node {
        var stage = node.mapping ?? Node.Mapping([])
        stage["id"] = .text(id)
        stage["title"] = .text(title)
        stage.set("summary", summary.isEmpty && notYetAvailable ? nil : .text(summary))
        let existing = stage["participants"]?.sequence.map(Array.init) ?? []
        stage.set(
            "participants",
            people.isEmpty && notYetAvailable
                ? nil
                : .list(
                    people.enumerated().map { index, person in
                        var written = existing.indices.contains(index) ? existing[index].mapping ?? [:] : [:]
                        written["level"] = .text(person.level.rawValue)
                        written.set("side", person.side == .both ? nil : .text(person.side.rawValue))
                        written.set("title", person.title.isEmpty ? nil : .text(person.title))
                        return .mapping(written)
                    }))
        stage.set(
            "timescale", timescale.amount == nil && notYetAvailable ? nil : writtenTimescale(over: stage["timescale"]))
        let custom = (stage["records"]?.sequence.map(Array.init) ?? []).filter { $0.mapping != nil }
        let records = self.records.map { Node.text($0.rawValue) } + custom
        stage.set("records", records.isEmpty ? nil : .list(records))
        stage.set("not_yet_available", notYetAvailable ? Node("true") : nil)
        return .mapping(stage)
    }

    private func writtenTimescale(over node: Node?) -> Node {
        guard timescale.amount != nil else { return Node("none") }
        var ordered = Self.writtenAmount(timescale, over: node)
        ordered["quote"] = nil
        if !quote.isEmpty { ordered["quote"] = .text(quote) }
        return .mapping(ordered)
    }

    /// The amount, unit and anchor the words give, first, then the other keys already written.
    static func writtenAmount(_ timescale: TimescalePhrase, over node: Node?) -> Node.Mapping {
        var written = node?.mapping ?? Node.Mapping([])
        for key in unitKeys + ["from", "of_stage"] { written[key] = nil }
        var ordered = Node.Mapping([])
        if let amount = timescale.amount, let unit = timescale.unit {
            ordered[unit.rawValue] = unit == .immediately ? Node("true") : Node(String(amount))
        }
        if timescale.from != .stageStart { ordered["from"] = .text(timescale.from.rawValue) }
        if let ofStage = timescale.ofStage { ordered["of_stage"] = .text(ofStage) }
        for (key, value) in written { ordered[key] = value }
        return ordered
    }

    /// "Practitioner discussion" becomes practitioner-discussion, numbered when taken.
    public static func identifier(_ title: String, taken: Set<String>) -> String {
        let words = String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").prefix(4).joined(separator: "-")
        let base = words.isEmpty ? "item" : words
        var id = base
        var number = 2
        while taken.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        return id
    }
}
