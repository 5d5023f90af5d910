import Foundation
import Yams

/// Reads a composed YAML (or JSON) node tree strictly, collecting every problem with its line,
/// column and field path instead of stopping at the first.
final class NodeReader {
    let file: String
    private(set) var problems: [DocumentProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Parses the text into a node tree; syntax errors become problems with Yams's location.
    func compose(_ text: String) -> Node? {
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
                report(keyNode, join(field, key), "unknown key; expected one of \(describe(required + optional))")
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
            report(node, field, "unknown value \"\(text)\"; expected one of \(describe(T.allCases.map(\.rawValue)))")
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

    private func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            problems.append(
                DocumentProblem(
                    file: file, line: mark.line, column: mark.column, field: "", message: "syntax error: \(problem)"))
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
