import Foundation
import MailTestSupport

@testable import ConcordMail

enum Fixtures {
    /// Marker strings that must never leak into an error description.
    static let secretSubject = "Referral for Child-7Q (secret subject)"
    static let secretBody = "Private details of the child: SECRET-BODY-MARKER"

    static func message(
        subject: String = secretSubject, text: String = secretBody + "\n", html: String = "<p>\(secretBody)</p>\n",
        to: [MailAddress] = [MailAddress(name: "Case Worker", email: "worker@example.org")],
        attachments: [MailAttachment] = [], headers: [MailHeader] = []
    ) -> MailMessage {
        MailMessage(
            messageID: MailMessage.makeMessageID(domain: "concord.example"),
            from: MailAddress(name: "Concord", email: "noreply@concord.example"), to: to, subject: subject,
            text: text, html: html, attachments: attachments, date: Date(timeIntervalSince1970: 1_748_954_096),
            headers: headers)
    }

    /// The header block and body lines of a rendered message, checking on the way that every line ends in CRLF.
    static func lines(_ data: Data) -> (headers: [String], body: [String], bareLineFeeds: Int) {
        let bytes = Array(data)
        var bare = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
            bare += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let all = text.components(separatedBy: "\r\n")
        let blank = all.firstIndex(of: "") ?? all.count
        return (Array(all[..<blank]), Array(all[blank...]), bare)
    }

    static func unfoldedHeaders(_ headers: [String]) -> [String] {
        var result: [String] = []
        for line in headers {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !result.isEmpty {
                result[result.count - 1] += line
            } else {
                result.append(line)
            }
        }
        return result
    }
}
