import ConcordCore
import Foundation

/// Folds what disputes are found by into lower-case letters and digits, so "Zoë O'Neil"
/// is found by "zoe" or "oneil" and a prefix search is a range on an index.
public enum SearchTerms {
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter(CharacterSet.alphanumerics.contains)))
    }

    /// The words of a query or a name: apostrophes and hyphens join, other gaps split.
    public static func words(_ text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "," || $0 == "/" }.map { fold(String($0)) }.filter { !$0.isEmpty }
    }

    /// The terms a dispute is found by: its reference whole and by its number, each child's
    /// name whole and by word, and each agency case reference whole.
    static func terms(_ state: DisputeState) -> Set<String> {
        let raised = state.raised
        var terms: Set<String> = [fold(raised.reference)]
        if let number = raised.reference.split(separator: "-").last { terms.insert(fold(String(number))) }
        for child in raised.children {
            terms.insert(fold(child.name))
            terms.formUnion(words(child.name))
            for reference in child.caseReferences { terms.insert(fold(reference.reference)) }
        }
        terms.remove("")
        return terms
    }

    /// Past every folded term that starts with `prefix`, for the upper end of the range.
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}
