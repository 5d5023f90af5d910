import Foundation

/// A horizontal bar chart drawn on the server as SVG: no JavaScript, a title and description
/// for screen readers, black and hatched bars that stay apart in greyscale and print, and each
/// bar's value written beside it. The data table that follows it carries the same figures.
struct ReportChart {
    struct Series {
        var name: String
        var values: [Int]
    }

    var id: String
    var title: String
    var description: String
    /// One row of bars each, top to bottom.
    var categories: [String]
    /// Two at most: the first solid, the second hatched.
    var series: [Series]

    private static let width = 640
    private static let labelWidth = 210
    private static let barArea = 360
    private static let bar = 14
    private static let gap = 12
    private static let legendHeight = 34

    var svg: String {
        let largest = max(1, series.flatMap(\.values).max() ?? 0)
        let rowHeight = series.count * Self.bar + Self.gap
        let height = Self.legendHeight + categories.count * rowHeight + 4
        var parts: [String] = [
            """
            <svg xmlns="http://www.w3.org/2000/svg" class="c-chart" viewBox="0 0 \(Self.width) \(height)" \
            role="img" aria-labelledby="\(id)-title \(id)-desc" focusable="false">
            <title id="\(id)-title">\(Self.escape(title))</title>
            <desc id="\(id)-desc">\(Self.escape(description))</desc>
            <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#0b0c0c" stroke-width="3"/></pattern></defs>
            """
        ]
        for (index, series) in series.enumerated() {
            let x = index * 200
            parts.append(
                """
                <rect x="\(x)" y="6" width="18" height="18" \(fill(index))/>\
                <text x="\(x + 26)" y="20" class="c-chart__text">\(Self.escape(series.name))</text>
                """)
        }
        for (row, category) in categories.enumerated() {
            let top = Self.legendHeight + row * rowHeight
            let middle = top + series.count * Self.bar / 2 + 5
            parts.append(
                "<text x=\"\(Self.labelWidth - 8)\" y=\"\(middle)\" text-anchor=\"end\" class=\"c-chart__text\">"
                    + Self.escape(Self.shortened(category)) + "</text>")
            for (index, series) in series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                let y = top + index * Self.bar
                let length = value == 0 ? 0 : max(2, value * Self.barArea / largest)
                parts.append(
                    "<rect x=\"\(Self.labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.bar - 2)\" \(fill(index))/>"
                        + "<text x=\"\(Self.labelWidth + length + 6)\" y=\"\(y + Self.bar - 3)\" class=\"c-chart__value\">"
                        + "\(value)</text>")
            }
        }
        parts.append(
            "<line x1=\"\(Self.labelWidth)\" y1=\"\(Self.legendHeight - 4)\" x2=\"\(Self.labelWidth)\" y2=\"\(height)\" "
                + "stroke=\"#0b0c0c\"/>")
        return parts.joined(separator: "\n") + "\n</svg>"
    }

    private func fill(_ index: Int) -> String {
        index == 0 ? "fill=\"#0b0c0c\"" : "fill=\"url(#\(id)-hatch)\" stroke=\"#0b0c0c\" stroke-width=\"1\""
    }

    /// Long stage titles are cut to fit beside the bars; the table gives them whole.
    private static func shortened(_ text: String) -> String {
        text.count <= 28 ? text : String(text.prefix(27)) + "…"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
