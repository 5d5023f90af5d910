import Foundation

/// Renders a ``MailMessage`` as an RFC 5322 / MIME message with CRLF line endings, ready for SMTP `DATA`.
///
/// The layout is `multipart/alternative` (plain text, then HTML), wrapped in `multipart/mixed` when there are
/// attachments. Rendering never fails: CR, LF and other control characters in header text are replaced by spaces
/// rather than rejected, so that a stray newline in a name or subject cannot inject headers or lose the message.
/// Addresses are not checked here; the transports reject malformed ones before sending.
public enum MIMEWriter {
    /// Headers that the writer produces itself; extra headers with these names are dropped.
    static let reservedHeaders: Set<String> = [
        "date", "from", "to", "cc", "bcc", "reply-to", "subject", "message-id", "mime-version", "content-type",
        "content-transfer-encoding", "content-disposition", "sender", "return-path",
    ]

    public static func render(_ message: MailMessage) -> Data {
        var head = "Date: \(rfc5322Date(message.date))\r\n"
        head += addressList("From", [message.from])
        head += addressList("To", message.to)
        if let replyTo = message.replyTo { head += addressList("Reply-To", [replyTo]) }
        head += unstructured("Subject", message.subject)
        head += "Message-ID: \(normalizedMessageID(message.messageID))\r\n"
        for header in message.headers {
            let name = String(String.UnicodeScalarView(header.name.unicodeScalars.filter(isHeaderNameChar)))
            guard !name.isEmpty, !reservedHeaders.contains(name.lowercased()) else { continue }
            head += unstructured(name, header.value)
        }
        head += "MIME-Version: 1.0\r\n"

        let alternative = multipart(
            "alternative",
            [textPart("plain", message.text), textPart("html", message.html)])
        let body =
            message.attachments.isEmpty
            ? alternative : multipart("mixed", [alternative] + message.attachments.map(attachmentPart))
        return Data((head + body).utf8)
    }

    /// `<id>` with whitespace and controls removed, adding the angle brackets if the caller left them out.
    static func normalizedMessageID(_ messageID: String) -> String {
        let kept = messageID.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
        let bare = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        return "<\(bare)>"
    }

    /// A `=_` prefix cannot occur in quoted-printable or base64 output, so even without the randomness
    /// the boundary could not collide with an encoded body; the UUID keeps nested boundaries distinct.
    static func makeBoundary() -> String {
        "=_concord_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// A MIME entity as its header block plus body, without a trailing line break.
    private static func entity(_ headers: [String], _ body: String) -> String {
        headers.joined() + "\r\n" + body
    }

    private static func textPart(_ subtype: String, _ text: String) -> String {
        entity(
            [
                "Content-Type: text/\(subtype); charset=utf-8\r\n",
                "Content-Transfer-Encoding: quoted-printable\r\n",
            ], quotedPrintable(text))
    }

    private static func attachmentPart(_ attachment: MailAttachment) -> String {
        let contentType = sanitized(attachment.contentType).split(separator: " ").map(String.init)
        return entity(
            [
                fold("Content-Type", contentType),
                fold("Content-Disposition", ["attachment;"] + filenameParameters(attachment.filename)),
                "Content-Transfer-Encoding: base64\r\n",
            ], base64Lines(attachment.data))
    }

    /// Returns the multipart entity's own `Content-Type` header followed by its body, ending in CRLF.
    private static func multipart(_ subtype: String, _ parts: [String]) -> String {
        let boundary = makeBoundary()
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\n\(part)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return entity(["Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\"\r\n"], body)
    }

    private static func isHeaderNameChar(_ scalar: UnicodeScalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F && scalar != ":"
    }
}
