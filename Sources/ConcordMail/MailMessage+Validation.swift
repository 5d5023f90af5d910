/// Checks made before any connection or file is opened, so that a message that can never be delivered
/// fails permanently instead of being retried forever.
extension MailMessage {
    func validateForDelivery() throws(MailDeliveryError) {
        guard !to.isEmpty else { throw .permanent("message \(messageID) has no recipients") }
        try Self.validate(from.email, role: "sender")
        for recipient in to { try Self.validate(recipient.email, role: "recipient") }
        if let replyTo { try Self.validate(replyTo.email, role: "reply-to") }
        let bare =
            messageID.hasPrefix("<") && messageID.hasSuffix(">")
            ? messageID.dropFirst().dropLast() : Substring(messageID)
        guard !bare.isEmpty, bare.utf8.count <= 250,
            bare.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" })
        else { throw .permanent("malformed Message-ID \(String(reflecting: messageID))") }
    }

    /// Deliberately stricter than RFC 5321: quoted local parts and address literals are refused, because
    /// nobody Concord writes to uses them and every character refused here is one that could break a command.
    static func validate(_ email: String, role: String) throws(MailDeliveryError) {
        let forbidden = Set("<>()[],;:\\\"".unicodeScalars)
        guard let at = email.lastIndex(of: "@"), at != email.startIndex, email.index(after: at) != email.endIndex,
            email.utf8.count <= 254,
            email.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace && !forbidden.contains($0)
            }),
            email.firstIndex(of: "@") == at
        else { throw .permanent("malformed \(role) address \(String(reflecting: email))") }
    }
}
