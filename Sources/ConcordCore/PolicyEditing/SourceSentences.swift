import Foundation

/// The protocol's text cut into sentences, so a quote is picked rather than typed and is
/// word for word by construction.
public enum SourceSentences {
    /// Each sentence once, its line breaks and runs of spaces made single spaces; headings and
    /// list items without a full stop count as sentences of their own.
    public static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var seen: Set<String> = []
        func add(_ sentence: String) {
            let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            guard trimmed.count > 2, seen.insert(trimmed).inserted else { return }
            sentences.append(trimmed)
        }
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let flowing = paragraph.components(separatedBy: .newlines)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
                .joined(separator: " ")
            var current = ""
            let characters = Array(flowing)
            for (index, character) in characters.enumerated() {
                current.append(character)
                let ends = ".!?".contains(character)
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let afterNext = index + 2 < characters.count ? characters[index + 2] : "A"
                // "Stage 2. Practitioners …": a numbered heading stays with its sentence.
                let words = current.split(separator: " ").count
                if ends, next == " ", words >= 3,
                    afterNext.isUppercase || afterNext.isNumber || "(“\"‘'".contains(afterNext)
                {
                    add(current)
                    current = ""
                }
            }
            add(current)
        }
        return sentences
    }

    /// The sentences containing every word searched for, in the protocol's order.
    public static func matching(_ text: String, in sentences: [String]) -> [String] {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return sentences }
        return sentences.filter { sentence in
            let lowered = sentence.lowercased()
            return words.allSatisfy { lowered.contains($0) }
        }
    }
}
