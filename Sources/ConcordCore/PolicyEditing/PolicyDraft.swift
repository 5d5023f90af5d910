import Foundation
import Yams

/// A policy being written in the editor. Its YAML is the draft: each change reads it, sets the
/// keys the editor has fields for and writes it again, so every key the editor has no field for
/// (clocks, routes, rules, confirmations) stays as written.
public struct PolicyDraft: Hashable, Sendable {
    public private(set) var yaml: String

    public struct Problem: Error, Hashable, Sendable {
        public var message: String
    }

    public init(yaml: String) {
        self.yaml = yaml
    }

    /// A new policy with its partnership and calendar filled in, and no stages yet.
    public static func blank(id: String, name: String, partnership: String, region: Region) -> PolicyDraft {
        var root = Node.Mapping([])
        root["id"] = .text(id)
        root["name"] = .text(name)
        root["partnership"] = .text(partnership)
        root["region"] = .text(region.rawValue)
        root["scope"] = .text(Scope.practice.rawValue)
        root["subjects"] = .list([.text(Subject.children.rawValue)])
        root["stages"] = .list([])
        return PolicyDraft(yaml: Self.write(.mapping(root)))
    }

    public struct Details: Hashable, Sendable {
        public var id: String
        public var name: String
        public var summary: String
        public var appliesTo: String
        public var subjects: [Subject]
        public var effectiveFrom: String

        public init(
            id: String, name: String, summary: String, appliesTo: String, subjects: [Subject], effectiveFrom: String
        ) {
            self.id = id
            self.name = name
            self.summary = summary
            self.appliesTo = appliesTo
            self.subjects = subjects
            self.effectiveFrom = effectiveFrom
        }
    }

    public func details() throws(Problem) -> Details {
        let root = try mapping()
        return Details(
            id: root["id"]?.string ?? "", name: root["name"]?.string ?? "", summary: root["summary"]?.string ?? "",
            appliesTo: root["applies_to"]?.string ?? "",
            subjects: (root["subjects"]?.sequence.map(Array.init) ?? []).compactMap {
                $0.string.flatMap(Subject.init(rawValue:))
            },
            effectiveFrom: root["effective_from"]?.string ?? "")
    }

    public mutating func setDetails(_ details: Details) throws(Problem) {
        var root = try mapping()
        root["id"] = .text(details.id)
        root["name"] = .text(details.name)
        root.set("summary", details.summary.isEmpty ? nil : .text(details.summary))
        root.set("applies_to", details.appliesTo.isEmpty ? nil : .text(details.appliesTo))
        root.set("effective_from", details.effectiveFrom.isEmpty ? nil : .text(details.effectiveFrom, plain: true))
        root["subjects"] = .list(details.subjects.map { .text($0.rawValue) })
        yaml = Self.write(.mapping(root))
    }

    public func stages() throws(Problem) -> [StageDraft] {
        try stageNodes().map(StageDraft.init(node:))
    }

    /// Puts the stage at `index`, or adds it at the end when `index` is nil.
    public mutating func setStage(_ stage: StageDraft, at index: Int?) throws(Problem) {
        var nodes = try stageNodes()
        if let index {
            guard nodes.indices.contains(index) else { throw Problem(message: "there is no stage \(index + 1)") }
            nodes[index] = stage.written(over: nodes[index])
        } else {
            nodes.append(stage.written(over: .mapping(Node.Mapping([]))))
        }
        try setStageNodes(nodes)
    }

    public mutating func removeStage(at index: Int) throws(Problem) {
        var nodes = try stageNodes()
        guard nodes.indices.contains(index) else { throw Problem(message: "there is no stage \(index + 1)") }
        nodes.remove(at: index)
        try setStageNodes(nodes)
    }

    /// Moves a stage one place earlier (`by: -1`) or later (`by: 1`).
    public mutating func moveStage(at index: Int, by offset: Int) throws(Problem) {
        var nodes = try stageNodes()
        let target = index + offset
        guard nodes.indices.contains(index), nodes.indices.contains(target) else { return }
        nodes.swapAt(index, target)
        try setStageNodes(nodes)
    }

    /// The first line of each stage in the YAML, so a problem's line can be placed in its stage.
    public func stageLines() -> [Int] {
        guard let root = try? mapping() else { return [] }
        return (root["stages"]?.sequence.map(Array.init) ?? []).map { ($0.mark?.line ?? 0) }
    }

    func stageNode(_ index: Int) throws(Problem) -> Node {
        let nodes = try stageNodes()
        guard nodes.indices.contains(index) else { throw Problem(message: "there is no stage \(index + 1)") }
        return nodes[index]
    }

    /// Changes one entry of a stage's list (`clocks`, `routes`): `make` is given the entry
    /// there now (nil to add one) and the ids taken, and returns it as it is to be written.
    mutating func editList(
        _ key: String, stage: Int, at index: Int?, remove: Bool, make: (Node?, Set<String>) -> Node
    ) throws(Problem) {
        var nodes = try stageNodes()
        guard nodes.indices.contains(stage), var mapping = nodes[stage].mapping else {
            throw Problem(message: "there is no stage \(stage + 1)")
        }
        var items = mapping[key]?.sequence.map(Array.init) ?? []
        let taken = Set(items.compactMap { $0["id"]?.string })
        if let index {
            guard items.indices.contains(index) else { throw Problem(message: "there is no entry \(index + 1)") }
            if remove { items.remove(at: index) } else { items[index] = make(items[index], taken) }
        } else {
            items.append(make(nil, taken))
        }
        mapping.set(key, items.isEmpty ? nil : .list(items))
        nodes[stage] = .mapping(mapping)
        try setStageNodes(nodes)
    }

    private func mapping() throws(Problem) -> Node.Mapping {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw Problem(message: "the draft's YAML cannot be read (\(error)); correct it under YAML")
        }
        guard case .mapping(let root)? = node else {
            throw Problem(message: "the draft's YAML is not a mapping of keys; correct it under YAML")
        }
        return root
    }

    private func stageNodes() throws(Problem) -> [Node] {
        let root = try mapping()
        return root["stages"]?.sequence.map(Array.init) ?? []
    }

    private mutating func setStageNodes(_ nodes: [Node]) throws(Problem) {
        var root = try mapping()
        root["stages"] = .list(nodes)
        yaml = Self.write(.mapping(root))
    }

    /// The YAML as the editor writes it, so that comparing two versions shows what they say
    /// differently rather than how their lines were folded; the text itself when unreadable.
    public static func normalized(_ yaml: String) -> String {
        guard let node = try? Yams.compose(yaml: yaml) else { return yaml }
        return write(node)
    }

    static func write(_ node: Node) -> String {
        // Long quotes stay on one line each, so the diff before installing shows whole sentences.
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
    }
}

extension Node {
    /// A string the YAML keeps as a string, quoted where it would otherwise read as a number or
    /// true/false; `plain` leaves dates to be read as the policy reads them.
    static func text(_ value: String, plain: Bool = false) -> Node {
        plain ? Node(value) : Node(value, Tag(.str))
    }

    static func list(_ nodes: [Node]) -> Node {
        .sequence(Node.Sequence(nodes))
    }
}

extension Node.Mapping {
    mutating func set(_ key: String, _ value: Node?) {
        self[key] = value
    }
}
