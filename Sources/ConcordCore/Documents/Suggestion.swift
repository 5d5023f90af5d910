import Foundation

/// Words a policy author may use for a value, mapped to the value the format spells it as:
/// protocols say "Team Manager" or "Service Manager" where the format says `line-manager`.
protocol Synonymous: RawRepresentable where RawValue == String {
    static var synonyms: [String: Self] { get }
}

extension Synonymous {
    static var rawSynonyms: [String: String] { synonyms.mapValues(\.rawValue) }
}

/// "Did you mean" for an unknown value or key: a synonym the vocabulary knows, else the allowed
/// spelling nearest to what was typed.
enum Suggestion {
    static func closest(to text: String, among allowed: [String], synonyms: [String: String] = [:]) -> String? {
        let typed = words(text)
        if let synonym = synonyms[typed] { return synonym }
        if let same = allowed.first(where: { words($0) == typed }) { return same }
        let scored = allowed.map { ($0, distance(typed, words($0))) }.filter { $0.1 <= max(1, typed.count / 4) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Lower case, with hyphens, underscores and punctuation read as spaces, so "Team_Manager",
    /// "team-manager" and "Team Manager" are the same words.
    static func words(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// Levenshtein distance between two short strings.
    private static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
