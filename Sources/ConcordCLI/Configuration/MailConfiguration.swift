import ConcordCore
import ConcordMail
import Foundation

/// E-mail and deadline-watch settings, read with the rest of Concord's configuration.
struct MailConfiguration: Sendable {
    /// `CONCORD_PUBLIC_URL`: the address in every message's link; by default the server's own.
    var publicURL: String?
    /// `CONCORD_MAIL_FROM`: `Name <address>` or a bare address.
    var from = MailAddress(name: "Concord", email: "concord@localhost")
    /// `CONCORD_SMTP_HOST` and the other `CONCORD_SMTP_*`: a relay; without one, messages are
    /// written as `.eml` files into `CONCORD_MAIL_DIR`.
    var smtp: SMTPSettings?
    var mailDirectory: URL?
    /// `CONCORD_DEADLINE_HOUR`: the London hour from which reminders and digests go, 0 to 23.
    var deadlineHour = 7
    /// `CONCORD_OVERDUE_REPEAT_DAYS`: working days between overdue notices, 1 to 20.
    var overdueRepeatDays = 5
    /// `CONCORD_DEADLINE_WATCH`: `on` (the default) or `off` for operators who run
    /// `concord deadlines sweep` from cron.
    var watchDeadlines = true
    /// `CONCORD_MAIL_MAX_ATTEMPTS`: tries before a message is marked failed, 1 to 20.
    var maxAttempts = 8

    static func read(_ environment: [String: String], problems: inout [String]) -> MailConfiguration {
        var mail = MailConfiguration()
        func number(_ name: String, _ range: ClosedRange<Int>, _ into: inout Int) {
            ConcordConfiguration.number(name, range, &into, environment, &problems)
        }
        if let url = environment["CONCORD_PUBLIC_URL"] {
            if let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil {
                mail.publicURL = url
            } else {
                problems.append("CONCORD_PUBLIC_URL is \"\(url)\"; it must be an http:// or https:// address")
            }
        }
        if let text = environment["CONCORD_MAIL_FROM"] {
            if let address = Self.address(text) {
                mail.from = address
            } else {
                problems.append(
                    "CONCORD_MAIL_FROM is \"\(text)\"; write it as concord@example.org or Concord <concord@example.org>"
                )
            }
        }
        if let directory = environment["CONCORD_MAIL_DIR"] {
            if directory.isEmpty { problems.append("CONCORD_MAIL_DIR is empty; set it to a folder or unset it") }
            mail.mailDirectory = URL(fileURLWithPath: directory, isDirectory: true)
        }
        number("CONCORD_DEADLINE_HOUR", 0...23, &mail.deadlineHour)
        number("CONCORD_OVERDUE_REPEAT_DAYS", 1...20, &mail.overdueRepeatDays)
        number("CONCORD_MAIL_MAX_ATTEMPTS", 1...20, &mail.maxAttempts)
        switch environment["CONCORD_DEADLINE_WATCH"] {
        case nil, "on": mail.watchDeadlines = true
        case "off": mail.watchDeadlines = false
        case let other?: problems.append("CONCORD_DEADLINE_WATCH is \"\(other)\"; it must be on or off")
        }
        mail.smtp = smtp(environment, problems: &problems)
        return mail
    }

    private static func smtp(_ environment: [String: String], problems: inout [String]) -> SMTPSettings? {
        let names = ["PORT", "SECURITY", "USERNAME", "PASSWORD", "CA_FILE"].map { "CONCORD_SMTP_\($0)" }
        guard let host = environment["CONCORD_SMTP_HOST"], !host.isEmpty else {
            for name in names where environment[name] != nil {
                problems.append("\(name) is set but CONCORD_SMTP_HOST is not; set the relay's host too")
            }
            return nil
        }
        var security = SMTPSettings.Security.startTLS
        if let text = environment["CONCORD_SMTP_SECURITY"] {
            if let value = SMTPSettings.Security(rawValue: text) {
                security = value
            } else {
                problems.append("CONCORD_SMTP_SECURITY is \"\(text)\"; it must be starttls, tls or none")
            }
        }
        var port = SMTPSettings.defaultPort(for: security)
        ConcordConfiguration.number("CONCORD_SMTP_PORT", 1...65535, &port, environment, &problems)
        let username = environment["CONCORD_SMTP_USERNAME"]
        let password = environment["CONCORD_SMTP_PASSWORD"]
        if (username == nil) != (password == nil) {
            problems.append("CONCORD_SMTP_USERNAME and CONCORD_SMTP_PASSWORD go together; set both or neither")
        }
        let caFile = environment["CONCORD_SMTP_CA_FILE"]
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            problems.append("CONCORD_SMTP_CA_FILE is \"\(caFile)\"; no readable file is there")
        }
        return SMTPSettings(
            host: host, port: port, security: security, username: username, password: password,
            trustedCertificateFile: caFile)
    }

    static func address(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return nil
            }
            let email = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            return isAddress(email) ? MailAddress(name: name.isEmpty ? nil : name, email: email) : nil
        }
        return isAddress(trimmed) ? MailAddress(name: nil, email: trimmed) : nil
    }

    private static func isAddress(_ text: String) -> Bool {
        EmailAddress.problem(text, allowingBareHost: true) == nil
    }
}
