/// A character that cannot be seen but changes what text is or how it looks: control
/// characters (PostgreSQL cannot store NUL at all), and the direction controls that can make a
/// name read differently from what is stored, such as U+202E, which shows
/// the characters after it right to left.
public enum HiddenCharacter: Hashable, Sendable, CustomStringConvertible {
    /// C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
    case control(Unicode.Scalar)
    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    case direction(Unicode.Scalar)
    /// Tab, line feed, carriage return, and the Unicode line and paragraph separators: fine in
    /// several lines of text, hidden in a single-line answer such as a name.
    case lineBreak(Unicode.Scalar)

    /// The first character `text` must not contain; `multiline` text may hold line breaks and tabs.
    public static func first(in text: String, multiline: Bool) -> HiddenCharacter? {
        for scalar in text.unicodeScalars {
            guard let found = classify(scalar) else { continue }
            if case .lineBreak = found, multiline { continue }
            return found
        }
        return nil
    }

    static func classify(_ scalar: Unicode.Scalar) -> HiddenCharacter? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: .lineBreak(scalar)
        case 0x00...0x1F, 0x7F...0x9F: .control(scalar)
        case 0x202A...0x202E, 0x2066...0x2069: .direction(scalar)
        default: nil
        }
    }

    public var scalar: Unicode.Scalar {
        switch self {
        case .control(let scalar), .direction(let scalar), .lineBreak(let scalar): scalar
        }
    }

    /// "U+202E", as character tables and editors name it.
    public var code: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// "a hidden control character (U+0000)", to finish a sentence.
    public var description: String {
        switch self {
        case .control: "a hidden control character (\(code))"
        case .direction: "a hidden text-direction character (\(code))"
        case .lineBreak(let scalar) where scalar == "\t": "a tab"
        case .lineBreak: "a line break"
        }
    }
}
