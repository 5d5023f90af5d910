import Foundation

/// Header encoding: RFC 5322 folding, RFC 2047 encoded-words and RFC 2231 parameters.
///
/// Every header value first goes through `sanitized`, which turns CR, LF and other control characters into spaces.
/// That is the guard against header injection: no caller-supplied text can ever start a new header line.
extension MIMEWriter {
    static let lineLimit = 78
    private static let encodedWordLimit = 75
    private static let encodedWordOverhead = "=?UTF-8?B??=".utf8.count

    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    static func unstructured(_ name: String, _ value: String) -> String {
        let clean = sanitized(value)
        let prefix = name.utf8.count + 2
        let words = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let needsEncoding =
            !clean.unicodeScalars.allSatisfy(\.isASCII) || clean.contains("=?") || clean.hasPrefix(" ")
            || clean.hasSuffix(" ") || words.contains { $0.utf8.count > lineLimit - prefix }
        if needsEncoding {
            return fold(name, encodedWords(clean, firstLineBudget: lineLimit - prefix))
        }
        return fold(name, words)
    }

    static func addressList(_ name: String, _ addresses: [MailAddress]) -> String {
        let firstBudget = lineLimit - name.utf8.count - 2
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var addressTokens = mailbox(address, firstLineBudget: index == 0 ? firstBudget : encodedWordLimit)
            if index < addresses.count - 1 { addressTokens[addressTokens.count - 1] += "," }
            tokens += addressTokens
        }
        return fold(name, tokens)
    }

    /// `Content-Disposition`-style value: `attachment; filename="a.ics"`, switching to RFC 2231 when the
    /// filename is not short plain ASCII, because a quoted-string can neither carry UTF-8 nor be folded.
    static func filenameParameters(_ filename: String) -> [String] {
        let clean = sanitized(filename)
        let isPlain = clean.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" }
        if isPlain && clean.utf8.count <= 60 {
            return ["filename=\"\(clean)\""]
        }
        var chunks: [String] = []
        var current = ""
        for byte in clean.utf8 {
            let piece = isAttributeChar(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            if current.utf8.count + piece.utf8.count > 50 {
                chunks.append(current)
                current = ""
            }
            current += piece
        }
        chunks.append(current)
        if chunks.count == 1 { return ["filename*=UTF-8''\(chunks[0])"] }
        return chunks.enumerated().map { index, chunk in
            let value = index == 0 ? "UTF-8''\(chunk)" : chunk
            return "filename*\(index)*=\(value)" + (index < chunks.count - 1 ? ";" : "")
        }
    }

    /// Joins `tokens` with single spaces, breaking lines before a token when the line would pass 78 characters.
    /// A token longer than that stays whole on its own line (still far below the hard limit of 998).
    static func fold(_ name: String, _ tokens: [String]) -> String {
        var lines: [String] = []
        var line = "\(name):"
        var lineHasToken = false
        for token in tokens {
            if lineHasToken && !token.isEmpty && line.utf8.count + 1 + token.utf8.count > lineLimit {
                lines.append(line)
                line = " \(token)"
            } else {
                line += " \(token)"
            }
            lineHasToken = true
        }
        lines.append(line)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// B-encoded words holding whole Unicode scalars, so that each word decodes to valid UTF-8 on its own.
    static func encodedWords(_ text: String, firstLineBudget: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = firstLineBudget
        func maxBytes(_ budget: Int) -> Int { max(3, (min(budget, encodedWordLimit) - encodedWordOverhead) / 4 * 3) }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > maxBytes(budget) {
                words.append(encodedWord(chunk))
                chunk = []
                budget = encodedWordLimit
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    private static func mailbox(_ address: MailAddress, firstLineBudget: Int) -> [String] {
        let email = sanitized(address.email).replacingOccurrences(of: " ", with: "")
        // Runs of spaces in a display name collapse to one: no mail client shows them anyway.
        let name = sanitized(address.name ?? "").split(separator: " ").joined(separator: " ")
        guard !name.isEmpty else { return [email] }
        return phrase(name, firstLineBudget: firstLineBudget) + ["<\(email)>"]
    }

    /// A display name as atoms when it is plain, one quoted-string when it is short ASCII with specials such as
    /// `,` or `"`, and otherwise word by word: ASCII words stay readable and each run of other words becomes
    /// encoded-words. Keeping a run in as few encoded-words as possible matters because decoders disagree about
    /// the space between two adjacent encoded-words (RFC 2047 drops it, Python's parser keeps it).
    private static func phrase(_ name: String, firstLineBudget: Int) -> [String] {
        let words = name.split(separator: " ")
        if words.allSatisfy({ $0.unicodeScalars.allSatisfy(isAtomChar) }) { return words.map(String.init) }
        if name.unicodeScalars.allSatisfy(\.isASCII) && name.utf8.count <= 60 { return [quoted(name)] }
        var tokens: [String] = []
        var run: [Substring] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let budget = tokens.isEmpty ? firstLineBudget : encodedWordLimit
            tokens += encodedWords(run.joined(separator: " "), firstLineBudget: budget)
            run = []
        }
        for word in words {
            if word.unicodeScalars.allSatisfy(\.isASCII) {
                flushRun()
                tokens.append(word.unicodeScalars.allSatisfy(isAtomChar) ? String(word) : quoted(word))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return tokens
    }

    private static func quoted<S: StringProtocol>(_ text: S) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    private static func isControl(_ scalar: UnicodeScalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func isAtomChar(_ scalar: UnicodeScalar) -> Bool {
        guard scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F else { return false }
        return !"()<>[]:;@\\,.\"".unicodeScalars.contains(scalar)
    }

    private static func isAttributeChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        return !"*'%()<>@,;:\\\"/[]?=".utf8.contains(byte)
    }
}
