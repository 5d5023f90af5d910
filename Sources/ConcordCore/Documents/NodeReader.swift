import Foundation
import Yams

/// Reads a composed YAML (or JSON) node tree strictly, collecting every problem with its line,
/// column and field path instead of stopping at the first.
final class NodeReader {
    let file: String
    /// The texts quotes must come from word for word; none when no source was given.
    let sources: [SourceText]
    /// Reading a draft in the editor: a stage marked not yet available is accepted.
    var drafting = false
    private(set) var problems: [DocumentProblem] = []
    private var lines: [Substring] = []

    init(file: String, sources: [SourceText] = []) {
        self.file = file
        self.sources = sources
    }

    /// Every problem, in the order of the lines they are on, so an author works down the file.
    var problemsInLineOrder: [DocumentProblem] {
        problems.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? .max, lhs.element.column ?? .max, lhs.offset)
            let right = (rhs.element.line ?? .max, rhs.element.column ?? .max, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// Parses the text into a node tree; syntax errors become problems with Yams's location.
    func compose(_ text: String) -> Node? {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !reportHiddenCharacters() else { return nil }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, "", "the document is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            reportSyntax(error)
        } catch {
            report(nil, "", "could not be read: \(error)")
        }
        return nil
    }

    /// The text itself is stored and shown line by line, comments and all, so a hidden
    /// character anywhere in it is refused where it is, before anything is parsed. Returns
    /// whether there was one.
    private func reportHiddenCharacters() -> Bool {
        let before = problems.count
        for (index, line) in lines.enumerated() {
            guard let hidden = HiddenCharacter.first(in: String(line), multiline: true),
                let at = line.unicodeScalars.firstIndex(of: hidden.scalar)
            else { continue }
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: at) + 1
            problems.append(
                DocumentProblem(
                    file: file, line: index + 1, column: column, field: "", message: "contains \(hidden); remove it"))
        }
        return problems.count > before
    }

    func report(_ node: Node?, _ field: String, _ message: String) {
        problems.append(
            DocumentProblem(
                file: file, line: node?.mark?.line, column: node?.mark?.column, field: field, message: message))
    }

    func mapping(_ node: Node, _ field: String, required: [String], optional: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node, field, "expected a mapping with \(describe(required + optional)), found \(kind(of: node))")
            return nil
        }
        let allowed = Set(required + optional)
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, field, "expected a plain key, found \(kind(of: keyNode))")
                continue
            }
            guard allowed.contains(key) else {
                let guess = Suggestion.closest(to: key, among: required + optional).map { "did you mean \"\($0)\"? " }
                report(
                    keyNode, join(field, key),
                    "unknown key; \(guess ?? "")expected one of \(describe(required + optional))")
                continue
            }
            values[key] = value
        }
        for key in required where values[key] == nil {
            report(node, join(field, key), "missing; this field is required")
        }
        return Fields(path: field, values: values)
    }

    func sequence(_ node: Node, _ field: String, allowEmpty: Bool = false) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(node, field, "expected a list, found \(kind(of: node))")
            return nil
        }
        if !allowEmpty && sequence.isEmpty {
            report(node, field, "expected at least one entry, found an empty list")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node, _ field: String) -> String? {
        guard case .scalar(let scalar) = node, !(scalar.style == .plain && node.null != nil) else {
            report(node, field, "expected text, found \(kind(of: node))")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            report(node, field, "expected text, found an empty value")
            return nil
        }
        // Written into every dispute raised under the policy: a NUL there fails each raise on
        // PostgreSQL, and a direction control disguises a name.
        if let hidden = HiddenCharacter.first(in: text, multiline: true) {
            report(node, field, "contains \(hidden); remove it")
            return nil
        }
        return text
    }

    /// Text the protocol is quoted in; with a source, it must be there word for word.
    func quote(_ node: Node, _ field: String) -> String? {
        guard let text = string(node, field) else { return nil }
        guard !sources.isEmpty else { return text }
        var closest: String?
        for source in sources {
            switch source.match(text) {
            case .found: return text
            case .differs(let agreeing): if (agreeing?.count ?? 0) > (closest?.count ?? 0) { closest = agreeing }
            }
        }
        let names = sources.map(\.name).joined(separator: " or ")
        let place = closest.map { "; it matches the source as far as \"\($0)\" and then differs" } ?? ""
        report(node, field, "this quote is not word for word in \(names)\(place)")
        return text
    }

    func positiveInt(_ node: Node, _ field: String) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            report(node, field, "expected a whole number, found \(kind(of: node))")
            return nil
        }
        guard value > 0 else {
            report(node, field, "expected a positive whole number, found \(value)")
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ field: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, ["true", "false"].contains(scalar.string) else {
            report(node, field, "expected true or false, found \(kind(of: node))")
            return nil
        }
        return scalar.string == "true"
    }

    func date(_ node: Node, _ field: String) -> LocalDate? {
        guard let text = string(node, field) else { return nil }
        guard let date = LocalDate(iso: text) else {
            report(node, field, "expected a real date as YYYY-MM-DD, found \"\(text)\"")
            return nil
        }
        return date
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ field: String, of: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, field) else { return nil }
        guard let value = T(rawValue: text) else {
            let synonyms = ((T.self as? any Synonymous.Type)?.rawSynonyms) ?? [:]
            let allowed = T.allCases.map(\.rawValue)
            let guess = Suggestion.closest(to: text, among: allowed, synonyms: synonyms).map {
                "did you mean \"\($0)\"? "
            }
            report(node, field, "unknown value \"\(text)\"; \(guess ?? "")expected one of \(describe(allowed))")
            return nil
        }
        return value
    }

    func list<T>(_ node: Node?, _ field: String, allowEmpty: Bool = false, _ item: (Node, String) -> T?) -> [T] {
        indexedList(node, field, allowEmpty: allowEmpty, item).map(\.value)
    }

    /// Like `list`, keeping each entry's position and node so later checks can point at the
    /// right one even when entries before it could not be read.
    func indexedList<T>(
        _ node: Node?, _ field: String, allowEmpty: Bool = false, _ item: (Node, String) -> T?
    )
        -> [Entry<T>]
    {
        guard let node, let nodes = sequence(node, field, allowEmpty: allowEmpty) else { return [] }
        return nodes.enumerated().compactMap { index, child in
            let path = "\(field)[\(index)]"
            return item(child, path).map { Entry(path: path, node: child, value: $0) }
        }
    }

    func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    private func describe(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain && node.null != nil { return "nothing" }
            return "\"\(scalar.string)\""
        }
    }

    /// How to fix the usual causes of a syntax error, which YAML's own words do not say.
    private func hint(_ problem: String, line: Int) -> String {
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        if text.contains("\t") || problem.contains("tab") {
            return "; YAML indents with spaces only: replace the tab on line \(line) with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "; a value containing \": \" must be quoted: put the whole value in double quotes, "
                + "e.g. summary: \"Stage 1: talk by telephone\""
        }
        if problem.contains("could not find expected ':'") || problem.contains("did not find expected key") {
            return "; check the lines above for a key without \":\", a quote opened and not closed, "
                + "or an entry indented differently from the ones beside it"
        }
        return ""
    }

    private func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            problems.append(
                DocumentProblem(
                    file: file, line: mark.line, column: mark.column, field: "",
                    message: "syntax error: \(problem)" + hint(problem, line: mark.line)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            problems.append(
                DocumentProblem(
                    file: file, line: context.mark.line, column: context.mark.column, field: "",
                    message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping"))
        default:
            problems.append(
                DocumentProblem(file: file, line: nil, column: nil, field: "", message: "could not be read: \(error)"))
        }
    }
}

/// One entry of a list that was read, with where it stands in the document.
struct Entry<T> {
    let path: String
    let node: Node
    let value: T
}

/// The keys of one mapping, found by name.
struct Fields {
    let path: String
    let values: [String: Node]

    subscript(key: String) -> Node? { values[key] }

    func field(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
