import Foundation
import NIOCore
import NIOSSL

/// The SMTP dialogue for one message over an open connection (RFC 5321, 3207, 4954, 6531).
///
/// Reply classes decide the error kind: 4xx is transient, 5xx permanent. A refused recipient aborts the whole
/// message before DATA, so a retry never delivers twice to the recipients that were accepted.
struct SMTPSession {
    let connection: SMTPConnection
    let settings: SMTPSettings
    let tlsContext: NIOSSLContext?

    func deliver(from: String, recipients: [String], content: ByteBuffer) async throws(MailDeliveryError) {
        if settings.security == .tls { try await connection.waitForTLSHandshake(step: "TLS handshake") }
        try check(await connection.readReply(step: "greeting"), [220], "greeting")
        var capabilities = try await hello()
        if settings.security == .startTLS, let tlsContext {
            guard capabilities["STARTTLS"] != nil else {
                throw .transient("STARTTLS: \(settings.host) does not offer STARTTLS; not sending in clear text")
            }
            try check(await connection.command("STARTTLS", step: "STARTTLS"), [220], "STARTTLS")
            try await connection.startTLS(context: tlsContext, host: settings.host)
            capabilities = try await hello()
        }
        if let username = settings.username {
            try await authenticate(username: username, password: settings.password ?? "", capabilities)
        }
        try check(
            await connection.command(mailFrom(from, recipients, capabilities), step: "MAIL FROM"), [250], "MAIL FROM")
        for recipient in recipients {
            let reply = try await connection.command("RCPT TO:<\(recipient)>", step: "RCPT TO")
            try check(reply, [250, 251], "RCPT TO <\(recipient)>")
        }
        try check(await connection.command("DATA", step: "DATA"), [354], "DATA")
        try await connection.send(content, step: "sending message content")
        try check(await connection.readReply(step: "end of DATA"), [250], "end of DATA")
        // The message is accepted at this point; a failed QUIT must not turn that into a failure and a resend.
        _ = try? await connection.command("QUIT", step: "QUIT")
    }

    /// EHLO, falling back to HELO for servers that refuse it; returns the EHLO keywords with their parameters.
    private func hello() async throws(MailDeliveryError) -> [String: [String]] {
        let reply = try await connection.command("EHLO \(settings.heloName)", step: "EHLO")
        if reply.code == 250 {
            var capabilities: [String: [String]] = [:]
            for line in reply.lines.dropFirst() {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.uppercased() }
                if let keyword = words.first { capabilities[keyword, default: []] += words.dropFirst() }
            }
            return capabilities
        }
        guard (500..<600).contains(reply.code) else { try check(reply, [250], "EHLO"); return [:] }
        try check(await connection.command("HELO \(settings.heloName)", step: "HELO"), [250], "HELO")
        return [:]
    }

    private func authenticate(
        username: String, password: String, _ capabilities: [String: [String]]
    )
        async throws(MailDeliveryError)
    {
        guard let mechanisms = capabilities["AUTH"] else {
            throw .permanent("AUTH: \(settings.host) does not offer authentication at this point")
        }
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(username)\0\(password)")
            try check(await connection.command("AUTH PLAIN \(token)", step: "AUTH PLAIN"), [235], "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try check(await connection.command("AUTH LOGIN", step: "AUTH LOGIN"), [334], "AUTH LOGIN")
            try check(await connection.command(base64(username), step: "AUTH LOGIN"), [334], "AUTH LOGIN username")
            try check(await connection.command(base64(password), step: "AUTH LOGIN"), [235], "AUTH LOGIN")
        } else {
            throw .permanent("AUTH: no supported mechanism offered (offered: \(mechanisms.joined(separator: " ")))")
        }
    }

    /// SMTPUTF8 is only asked for when an address needs it; the content itself is always 7-bit.
    private func mailFrom(
        _ from: String, _ recipients: [String], _ capabilities: [String: [String]]
    )
        throws(MailDeliveryError) -> String
    {
        let command = "MAIL FROM:<\(from)>"
        guard !([from] + recipients).allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) }) else { return command }
        guard capabilities["SMTPUTF8"] != nil else {
            throw .permanent("MAIL FROM: an address is not ASCII and \(settings.host) does not offer SMTPUTF8")
        }
        return command + " SMTPUTF8" + (capabilities["8BITMIME"] != nil ? " BODY=8BITMIME" : "")
    }

    private func check(_ reply: SMTPReply, _ expected: Set<Int>, _ step: String) throws(MailDeliveryError) {
        guard !expected.contains(reply.code) else { return }
        switch reply.code {
        case 500..<600: throw .permanent("\(step) refused: \(reply)")
        case 400..<500: throw .transient("\(step) refused: \(reply)")
        default: throw .transient("\(step): unexpected reply \(reply)")
        }
    }

    private func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
