import Foundation

/// A notice written out for one recipient, as plain text and HTML.
public struct NoticeLetter: Hashable, Sendable {
    /// How much a message may say: only what names no child, unless the recipient's address is
    /// on one of the partnership's secure domains.
    public enum Disclosure: String, Hashable, Sendable, Codable {
        case withoutChildDetails = "without-child-details"
        case full
    }

    public var subject: String
    public var text: String
    public var html: String

    public init(
        _ notice: Notice, to name: String, disclosure: Disclosure, link: String, partnership: String
    ) {
        subject = notice.subject
        let content = notice.content
        var text = ["Dear \(name),", "", content.lead, ""]
        for fact in content.facts { text.append("\(fact.label): \(fact.value)") }
        var html = [
            "<p>Dear \(Self.escape(name)),</p>", "<p>\(Self.escape(content.lead))</p>", "<table role=\"presentation\">",
        ]
        for fact in content.facts {
            html.append(
                "<tr><th scope=\"row\" style=\"text-align:left;padding-right:1em\">\(Self.escape(fact.label))</th><td>\(Self.escape(fact.value))</td></tr>"
            )
        }
        html.append("</table>")
        switch disclosure {
        case .full:
            Self.appendFullContent(content, text: &text, html: &html)
        case .withoutChildDetails:
            let shared = content.details.filter(\.sharedWithAll).map { section in
                NoticeContent.Section(section.heading, section.lines.map { Self.redact($0, content.identifying) })
            }
            Self.appendSections(shared, text: &text, html: &html)
            if shared.count < content.details.count || !content.children.isEmpty {
                let note =
                    "\(shared.isEmpty ? "What was" : "Everything else") written about the child is in Concord, not in this e-mail: your address is not on \(partnership)'s list of secure e-mail domains."
                text += ["", note]
                html.append("<p>\(Self.escape(note))</p>")
            }
        }
        if let action = content.action {
            text += ["", action]
            html.append("<p><strong>\(Self.escape(action))</strong></p>")
        }
        text += ["", "Open the dispute in Concord: \(link)", "", "Concord, for \(partnership)"]
        html.append("<p><a href=\"\(Self.escape(link))\">Open the dispute in Concord</a></p>")
        html.append("<p>Concord, for \(Self.escape(partnership))</p>")
        self.text = text.joined(separator: "\n") + "\n"
        self.html = Self.document(subject: subject, body: html.joined(separator: "\n"))
    }

    private static func appendFullContent(_ content: NoticeContent, text: inout [String], html: inout [String]) {
        if !content.children.isEmpty {
            text += ["", content.children.count == 1 ? "Child:" : "Children:"] + content.children.map { "- \($0)" }
            html.append("<h2>\(content.children.count == 1 ? "Child" : "Children")</h2><ul>")
            html += content.children.map { "<li>\(escape($0))</li>" }
            html.append("</ul>")
        }
        appendSections(content.details, text: &text, html: &html)
    }

    private static func appendSections(_ sections: [NoticeContent.Section], text: inout [String], html: inout [String])
    {
        for section in sections {
            text += ["", "\(section.heading):"] + section.lines
            html.append("<h2>\(escape(section.heading))</h2>")
            html += section.lines.map { "<p>\(escape($0).replacingOccurrences(of: "\n", with: "<br>"))</p>" }
        }
    }

    /// What people wrote, with each of the child's names, dates of birth and case references
    /// replaced, whole words only, so that it can go beyond the secure domains.
    static func redact(_ line: String, _ identifying: [String]) -> String {
        var line = line
        for item in identifying {
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: item) + "(?![\\p{L}\\p{N}])"
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                continue
            }
            line = expression.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "\u{1}")
        }
        // Replaced last, so that no later name part matches the words put in.
        return line.replacingOccurrences(of: "\u{1}", with: "[the child]")
    }

    /// A whole HTML document, so that mail programs that show HTML show it as Concord wrote it.
    static func document(subject: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">
        \(body)
        </body></html>

        """
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
