import Foundation

public struct MailAddress: Hashable, Sendable, Codable {
    public var name: String?
    public var email: String

    public init(name: String?, email: String) {
        self.name = name
        self.email = email
    }
}

public struct MailAttachment: Hashable, Sendable, Codable {
    public var filename: String
    /// A full MIME type with parameters, e.g. `text/calendar; method=REQUEST; charset=utf-8`.
    public var contentType: String
    public var data: Data

    public init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// An extra header such as `X-Concord-Reference` or `Auto-Submitted: auto-generated`.
///
/// Headers whose names clash with ones ``MIMEWriter`` writes itself (`From`, `Subject`, `Content-Type`, …)
/// are ignored, so a caller cannot produce a message with two `From` lines.
public struct MailHeader: Hashable, Sendable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public struct MailMessage: Hashable, Sendable, Codable {
    /// Including the angle brackets, e.g. `<2f1c…@concord.example>`. Keep it stable across retries so that
    /// receivers (and ``FileTransport``) can recognise a resend.
    public var messageID: String
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var text: String
    /// A complete HTML document or fragment; it is sent as is.
    public var html: String
    public var attachments: [MailAttachment]
    public var date: Date
    public var headers: [MailHeader]

    public init(
        messageID: String, from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String,
        text: String, html: String, attachments: [MailAttachment] = [], date: Date = Date(),
        headers: [MailHeader] = []
    ) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.date = date
        self.headers = headers
    }

    /// A fresh, globally unique ID such as `<6F9619FF-8B86-D011-B42D-00C04FC964FF@concord.example>`.
    /// Generate it once, when the message is first queued, and store it with the message.
    public static func makeMessageID(domain: String) -> String {
        "<\(UUID().uuidString)@\(domain)>"
    }
}
