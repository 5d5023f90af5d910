import Foundation

/// Where the command line writes: results to standard output, errors to standard error. What
/// is written may quote stored text, so its control characters are shown, never acted on.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.visible(text) + "\n").utf8))
    }

    /// CSV as it is, CR LF line ends and all.
    static func csv(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.visible(text, returns: true).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.visible(text) + "\n").utf8))
    }
}
