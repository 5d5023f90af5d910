/// One thing wrong with a policy or holiday file, located so its author can go straight to it.
public struct DocumentProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Where in the document's structure, e.g. `stages[2].timescale.working_days`; empty for
    /// the document as a whole.
    public var field: String
    public var message: String

    public init(file: String, line: Int?, column: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}

/// Every problem found in one document: readers report all of them at once rather than the
/// first, so an author fixes a file in one pass.
public struct DocumentProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [DocumentProblem]

    public init(_ problems: [DocumentProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
