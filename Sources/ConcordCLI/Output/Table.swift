import Foundation

/// A plain-text table: columns padded to their widest cell, a header underlined with dashes.
struct Table {
    var headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) {
        self.headers = headers
    }

    init(_ headers: [String]) {
        self.headers = headers
    }

    /// A cell stays on its line: a line break in stored text is shown as `\u{A}`.
    mutating func add(_ cells: String...) {
        add(cells)
    }

    mutating func add(_ cells: [String]) {
        rows.append(cells.map { TerminalText.visible($0, newlines: false) })
    }

    func render() -> String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacing(/\ +$/, with: "")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(headers), line(rule)] + rows.map(line)).joined(separator: "\n")
    }
}
