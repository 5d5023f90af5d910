/// Stored text shown on an operator's terminal. A dispute's words are written by anyone who can
/// raise one, and an escape sequence in them could rewrite the screen, retitle the window or
/// hide what follows; so every control character is shown as what it is, `\u{1B}`, instead.
enum TerminalText {
    /// Line breaks stay (output is made of lines) unless `newlines` is false, for text that must
    /// stay on one line such as a table's cell.
    /// `returns` keeps carriage returns too, for CSV, whose records end in CR LF.
    static func visible(_ text: String, newlines: Bool = true, returns: Bool = false) -> String {
        func shows(_ scalar: Unicode.Scalar) -> Bool {
            isControl(scalar, newlines: newlines) && !(returns && scalar == "\r")
        }
        guard text.unicodeScalars.contains(where: shows) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if shows(scalar) {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// C0 and C1 controls and DEL, which terminals act on, and the bidirectional overrides and
    /// isolates, which make text read in an order other than the one it is stored in. A tab is
    /// harmless.
    static func isControl(_ scalar: Unicode.Scalar, newlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !newlines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// JSON for a terminal: the encoder escapes C0 controls itself; the others it leaves raw
    /// become `\uXXXX` escapes, which read back as the same text.
    static func json(_ encoded: String) -> String {
        guard encoded.unicodeScalars.contains(where: { isControl($0) }) else { return encoded }
        var shown = ""
        for scalar in encoded.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                shown += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
