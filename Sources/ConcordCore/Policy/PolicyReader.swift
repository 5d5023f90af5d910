import Foundation
import Yams

/// Reads a YAML policy strictly: unknown keys, missing fields, wrong types, duplicate ids,
/// rules pointing at missing stages and non-positive timescales are all reported together,
/// each with its file, line, column and field.
public enum PolicyReader {
    ///
    /// With `sources` (the protocol's own text), every quote must be in one of them word for word.
    /// `drafting` accepts stages marked `not_yet_available`, for the editor's previews only.
    public static func read(
        _ text: String, file: String, sources: [SourceText] = [], drafting: Bool = false
    ) throws(DocumentProblems)
        -> Policy
    {
        let reader = NodeReader(file: file, sources: sources)
        reader.drafting = drafting
        let policy = reader.compose(text).flatMap { readPolicy($0, reader) }
        guard let policy, reader.problems.isEmpty else { throw DocumentProblems(reader.problemsInLineOrder) }
        return policy
    }

    private static func readPolicy(_ root: Node, _ reader: NodeReader) -> Policy? {
        guard
            let fields = reader.mapping(
                root, "",
                required: ["id", "name", "partnership", "region", "scope", "stages"],
                optional: [
                    "source", "summary", "acknowledgement", "stage_limit", "overall", "rules", "external_routes",
                    "reference_documents",
                    "confirmations", "subjects", "applies_to", "effective_from",
                ])
        else { return nil }
        let id = fields["id"].flatMap { readIdentifier($0, "id", reader) }
        let name = fields["name"].flatMap { reader.string($0, "name") }
        let partnership = fields["partnership"].flatMap { reader.string($0, "partnership") }
        let region = fields["region"].flatMap { reader.choice($0, "region", of: Region.self) }
        let scope = fields["scope"].flatMap { reader.choice($0, "scope", of: Scope.self) }
        let subjects = reader.list(fields["subjects"], "subjects") { reader.choice($0, $1, of: Subject.self) }
        if let node = fields["subjects"], scope == .strategic {
            reader.report(
                node, "subjects",
                "a strategic policy is about the partnership's arrangements, not a person; leave subjects out")
        }
        if Set(subjects).count < subjects.count, let node = fields["subjects"] {
            reader.report(node, "subjects", "each subject once")
        }
        let source = fields["source"].flatMap { reader.string($0, "source") }
        let appliesTo = fields["applies_to"].flatMap { reader.string($0, "applies_to") }
        let effectiveFrom = fields["effective_from"].flatMap { reader.date($0, "effective_from") }
        let summary = fields["summary"].flatMap { reader.string($0, "summary") }
        let stages = reader.indexedList(fields["stages"], "stages") { readStage($0, $1, reader) }
        let acknowledgement = fields["acknowledgement"].flatMap { readAcknowledgement($0, reader) }
        let stageLimit = fields["stage_limit"].flatMap {
            readTimescale($0, "stage_limit", .stageStart, reader, ofStage: true)
        }
        let overall = fields["overall"].flatMap { readTimescale($0, "overall", .disputeRaised, reader) }
        let rules = reader.indexedList(fields["rules"], "rules") { readRule($0, $1, reader) }
        let routes = reader.list(fields["external_routes"], "external_routes") { readRoute($0, $1, reader) }
        let documents = reader.indexedList(fields["reference_documents"], "reference_documents") {
            readReferenceDocument($0, $1, reader)
        }
        let confirmations = fields["confirmations"].flatMap { readConfirmations($0, reader) }
        let references = References(
            fields: fields, stages: stages, rules: rules, acknowledgement: acknowledgement, overall: overall,
            stageLimit: stageLimit, documents: documents)
        references.check(reader)
        guard let id, let name, let partnership, let region, let scope else { return nil }
        return Policy(
            id: id, name: name, partnership: partnership, region: region, scope: scope,
            subjects: subjects.isEmpty ? [.children] : subjects, source: source, appliesTo: appliesTo,
            effectiveFrom: effectiveFrom, summary: summary,
            stages: stages.map(\.value), acknowledgement: acknowledgement, stageLimit: stageLimit,
            overall: overall, rules: rules.map(\.value), externalRoutes: routes,
            referenceDocuments: documents.map(\.value), confirmations: confirmations)
    }
}

/// Checks across fields, made once every part has been read (even when some top-level field
/// is wrong), each placed at the node that is wrong.
private struct References {
    let fields: Fields
    let stages: [Entry<Stage>]
    let rules: [Entry<PolicyRule>]
    let acknowledgement: Acknowledgement?
    let overall: Timescale?
    let stageLimit: Timescale?
    let documents: [Entry<ReferenceDocument>]

    func check(_ reader: NodeReader) {
        var seen: Set<String> = []
        for stage in stages where !seen.insert(stage.value.id).inserted {
            reader.report(
                stage.node["id"], "\(stage.path).id",
                "duplicate stage id \"\(stage.value.id)\"; stage ids must be unique")
        }
        var listed: Set<String> = []
        let list = stages.map(\.value.id).filter { listed.insert($0).inserted }.map { "\"\($0)\"" }
            .joined(separator: ", ")
        for rule in rules {
            for (key, stage) in rule.value.stageReferences where !seen.contains(stage) {
                let items = rule.node[key]?.sequence.map(Array.init) ?? []
                let index = items.firstIndex { $0.scalar?.string == stage }
                reader.report(
                    index.map { items[$0] } ?? rule.node[key], "\(rule.path).\(key)" + (index.map { "[\($0)]" } ?? ""),
                    "\(rule.value.kindName) names stage \"\(stage)\", which this policy does not have; stages are \(list)"
                )
            }
        }
        for document in documents {
            for (index, stage) in document.value.stages.enumerated() where !seen.contains(stage) {
                let items = document.node["stages"]?.sequence.map(Array.init)
                reader.report(
                    items?[index] ?? document.node["stages"], "\(document.path).stages",
                    "names stage \"\(stage)\", which this policy does not have; stages are \(list)")
            }
        }
        if let acknowledgement, !seen.contains(acknowledgement.stage) {
            reader.report(
                fields["acknowledgement"]?["stage"], "acknowledgement.stage",
                "names stage \"\(acknowledgement.stage)\", which this policy does not have; stages are \(list)")
        }
        checkReceipt(reader)
        checkEarlierStages(reader)
        if overall?.from == .stageStart {
            reader.report(
                fields["overall"]?["from"], "overall.from",
                "the whole process is measured from dispute-raised or received-in-writing, not stage-start")
        }
    }

    /// "Within 5 working days of step 1": the stage counted from must come before.
    private func checkEarlierStages(_ reader: NodeReader) {
        for (index, stage) in stages.enumerated() {
            guard let earlier = stage.value.timescale?.ofStage else { continue }
            let before = stages[..<index].map(\.value.id)
            guard !before.contains(earlier) else { continue }
            reader.report(
                stage.node["timescale"]?["of_stage"], "\(stage.path).timescale.of_stage",
                before.isEmpty
                    ? "the first stage cannot count from another stage's start"
                    : "names stage \"\(earlier)\", which is not an earlier stage; earlier stages are \(before.map { "\"\($0)\"" }.joined(separator: ", "))"
            )
        }
    }

    /// received-in-writing means the start of the acknowledgement stage, so it needs one, and
    /// a stage cannot be measured from a receipt that comes after it.
    private func checkReceipt(_ reader: NodeReader) {
        let receipt = acknowledgement.flatMap { acknowledgement in
            stages.firstIndex { $0.value.id == acknowledgement.stage }
        }
        var counted: [(index: Int, node: Node?, field: String)] = []
        for (index, stage) in stages.enumerated() {
            if stage.value.timescale?.from == .receivedInWriting {
                counted.append((index, stage.node["timescale"]?["from"], "\(stage.path).timescale.from"))
            }
            let clockNodes = stage.node["clocks"]?.sequence.map(Array.init) ?? []
            for (position, clock) in stage.value.clocks.enumerated() where clock.from == .receivedInWriting {
                // Clocks that could not be read are left out, so only a full list lines up.
                let node = clockNodes.count == stage.value.clocks.count ? clockNodes[position]["from"] : nil
                counted.append((index, node, "\(stage.path).clocks[\(position)].from"))
            }
        }
        for (index, node, field) in counted {
            if acknowledgement == nil {
                reader.report(node, field, "received-in-writing needs an acknowledgement stage to say when that is")
            } else if let receipt, index < receipt {
                reader.report(
                    node, field,
                    "received-in-writing is the start of stage \"\(stages[receipt].value.id)\", which comes after this stage"
                )
            }
        }
        for (key, timescale) in [("overall", overall), ("stage_limit", stageLimit)]
        where timescale?.from == .receivedInWriting && acknowledgement == nil {
            reader.report(
                fields[key]?["from"], "\(key).from",
                "received-in-writing needs an acknowledgement stage to say when that is")
        }
    }
}
