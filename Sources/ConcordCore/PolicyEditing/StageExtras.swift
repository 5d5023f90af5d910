import Yams

/// A stage's further clock as the editor's form shows it.
public struct ClockDraft: Hashable, Sendable {
    public var name: String
    public var kind: Clock.Kind
    public var by: Side
    public var timescale: TimescalePhrase
    /// The id of the earlier clock this one counts from: "within a further 2 working days".
    public var after: String?
    public var letter: String
    public var indicative: Bool
    public var quote: String
    public private(set) var id: String = ""

    public init(
        name: String, kind: Clock.Kind, by: Side, timescale: TimescalePhrase, after: String?, letter: String,
        indicative: Bool, quote: String
    ) {
        self.name = name
        self.kind = kind
        self.by = by
        self.timescale = timescale
        self.after = after
        self.letter = letter
        self.indicative = indicative
        self.quote = quote
    }

    init(node: Node) {
        self.init(
            name: node["name"]?.string ?? "",
            kind: node["kind"]?.string.flatMap(Clock.Kind.init(rawValue:)) ?? .completeWithin,
            by: node["by"]?.string.flatMap(Side.init(rawValue:)) ?? .both, timescale: StageDraft.phrase(node),
            after: node["after"]?.string, letter: node["letter"]?.string ?? "",
            indicative: node["indicative"]?.bool == true, quote: node["quote"]?.string ?? "")
        id = node["id"]?.string ?? ""
    }

    func written(over node: Node?, id: String) -> Node {
        var written = StageDraft.writtenAmount(timescale, over: node)
        var ordered = Node.Mapping([])
        ordered["id"] = .text(id)
        ordered["name"] = .text(name)
        ordered["kind"] = .text(kind.rawValue)
        ordered["by"] = .text(by.rawValue)
        if kind == .beginWithin { ordered["met_by"] = .text(Timescale.Milestone.firstContact.rawValue) }
        for key in ["id", "name", "kind", "by", "met_by", "after", "letter", "indicative", "quote"] {
            written[key] = nil
        }
        for (key, value) in written { ordered[key] = value }
        if let after { ordered["after"] = .text(after) }
        if kind == .letterWithin { ordered["letter"] = .text(letter) }
        if indicative { ordered["indicative"] = Node("true") }
        if !quote.isEmpty { ordered["quote"] = .text(quote) }
        return .mapping(ordered)
    }
}

/// A route through a stage beside its standard one, as the editor's form shows it.
public struct RouteDraft: Hashable, Sendable {
    public var name: String
    public var when: String
    public var timescale: TimescalePhrase
    public var quote: String
    public private(set) var id: String = ""

    public init(name: String, when: String, timescale: TimescalePhrase, quote: String) {
        self.name = name
        self.when = when
        self.timescale = timescale
        self.quote = quote
    }

    init(node: Node) {
        self.init(
            name: node["name"]?.string ?? "", when: node["when"]?.string ?? "",
            timescale: StageDraft.phrase(node["timescale"]), quote: node["quote"]?.string ?? "")
        id = node["id"]?.string ?? ""
    }

    func written(over node: Node?, id: String) -> Node {
        var written = node?.mapping ?? Node.Mapping([])
        written["id"] = .text(id)
        written["name"] = .text(name)
        written.set("when", when.isEmpty ? nil : .text(when))
        written["timescale"] = .mapping(StageDraft.writtenAmount(timescale, over: written["timescale"]))
        written.set("quote", quote.isEmpty ? nil : .text(quote))
        return .mapping(written)
    }
}

extension PolicyDraft {
    public func clocks(stage: Int) throws(Problem) -> [ClockDraft] {
        try stageNode(stage)["clocks"]?.sequence.map { $0.map(ClockDraft.init(node:)) } ?? []
    }

    public func routes(stage: Int) throws(Problem) -> [RouteDraft] {
        try stageNode(stage)["routes"]?.sequence.map { $0.map(RouteDraft.init(node:)) } ?? []
    }

    /// Puts the clock at `index` of the stage's clocks, or adds it when `index` is nil.
    public mutating func setClock(_ clock: ClockDraft, stage: Int, at index: Int?) throws(Problem) {
        try editList("clocks", stage: stage, at: index, remove: false) { node, taken in
            clock.written(over: node, id: node?["id"]?.string ?? StageDraft.identifier(clock.name, taken: taken))
        }
    }

    public mutating func setRoute(_ route: RouteDraft, stage: Int, at index: Int?) throws(Problem) {
        try editList("routes", stage: stage, at: index, remove: false) { node, taken in
            route.written(
                over: node,
                id: node?["id"]?.string ?? StageDraft.identifier(route.name, taken: taken.union(["standard"])))
        }
    }

    public mutating func removeClock(stage: Int, at index: Int) throws(Problem) {
        try editList("clocks", stage: stage, at: index, remove: true) { node, _ in node ?? Node("") }
    }

    public mutating func removeRoute(stage: Int, at index: Int) throws(Problem) {
        try editList("routes", stage: stage, at: index, remove: true) { node, _ in node ?? Node("") }
    }
}
