import Foundation

/// The text a policy was written from, against which its quotes are checked word for word.
///
/// Whitespace and line breaks are ignored, as are the typographic forms of quotation marks,
/// apostrophes, dashes and ellipses, which differ between a Word document, a PDF and a pasted copy
/// of the same protocol. Anything else (a word, a number, a comma) must match. An ellipsis in a
/// quote marks words left out: each part must then appear, in order.
public struct SourceText: Sendable {
    public let name: String
    private let words: String

    public init(name: String, text: String) {
        self.name = name
        words = Self.normalise(text)
    }

    public enum Match: Equatable, Sendable {
        case found
        /// The quote's words up to where it parts from the source, or nil when even its first
        /// words are not there.
        case differs(agreeingUpTo: String?)
    }

    public func match(_ quote: String) -> Match {
        var from = words.startIndex
        for part in Self.normalise(quote).components(separatedBy: "…") {
            let part = part.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { continue }
            guard let range = words.range(of: part, range: from..<words.endIndex) else {
                return .differs(agreeingUpTo: agreeingPrefix(of: part, from: from))
            }
            from = range.upperBound
        }
        return .found
    }

    /// The longest run of the part's leading words found in the source after `from`.
    private func agreeingPrefix(of part: String, from: String.Index) -> String? {
        let tokens = part.split(separator: " ")
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high + 1) / 2
            if words.range(of: tokens.prefix(middle).joined(separator: " "), range: from..<words.endIndex) != nil {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low == 0 ? nil : tokens.prefix(low).joined(separator: " ")
    }

    static func normalise(_ text: String) -> String {
        var text = text
        for (typographic, plain) in [
            ("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2013}", "-"),
            ("\u{2014}", "-"), ("...", "…"),
        ] {
            text = text.replacingOccurrences(of: typographic, with: plain)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
