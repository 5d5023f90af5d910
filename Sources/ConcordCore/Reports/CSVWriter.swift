import Foundation

/// RFC 4180 CSV that Excel opens as UTF-8: a byte order mark, CRLF line ends, fields quoted
/// when they hold a comma, quote or line break, and quotes doubled.
public enum CSVWriter {
    public static func csv(_ table: ReportTable, publication: Bool = false) -> String {
        "\u{FEFF}" + records(publication ? table.forPublication : table, publication: publication)
    }

    /// Every table in one file, each after a line with its title and an empty line between
    /// them, for the command line.
    public static func csv(_ tables: [ReportTable], publication: Bool = false) -> String {
        "\u{FEFF}"
            + tables.map {
                field($0.title) + "\r\n" + records(publication ? $0.forPublication : $0, publication: publication)
            }.joined(separator: "\r\n")
    }

    private static func records(_ table: ReportTable, publication: Bool) -> String {
        let lines = [table.headers] + table.rows.map { $0.map { $0.text(publication: publication) } }
        return lines.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab before one)
    /// starts with an apostrophe instead, so it shows as the text it is.
    public static func field(_ text: String) -> String {
        // A line break inside a field is LF alone, so CR appears only at the end of a record.
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if let first = text.unicodeScalars.first, "=+-@\t\n".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
