/// An e-mail address as someone typed it into Concord. Addresses go into mail headers, SMTP
/// commands and calendar invitations, where a line break or a delimiter would start a new
/// line or field of the sender's choosing; so anything that is not a plain address is refused
/// where it is entered, saying what is wrong.
public enum EmailAddress {
    /// What is wrong with `text` as an address, as a sentence for the field, or nil. A bare host
    /// (`concord@localhost`) is allowed only for Concord's own sender.
    public static func problem(_ text: String, allowingBareHost: Bool = false) -> String? {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "An e-mail address cannot contain a line break or other control character"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            allowingBareHost || (parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix("."))
        else { return "Enter an e-mail address in the correct format, like name@example.org" }
        if text.unicodeScalars.contains(where: \.properties.isWhitespace) {
            return "An e-mail address cannot contain spaces"
        }
        if let character = text.first(where: { forbidden.contains($0) }) {
            return "An e-mail address cannot contain \(character)"
        }
        if text.utf8.count > 254 { return "An e-mail address must be 254 characters or fewer" }
        return nil
    }

    /// Quoted local parts and address literals are refused: nobody Concord writes to uses them,
    /// and each of these characters could end a header, a command or a calendar field.
    static let forbidden = Set("<>()[],;:\\\"")
}

/// An address that `EmailAddress.problem` refuses, refused by the store as well.
public struct EmailAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    public var address: String
    public var problem: String

    public init?(_ address: String) {
        guard let problem = EmailAddress.problem(address) else { return nil }
        self.address = address
        self.problem = problem
    }

    public var description: String { "\(String(reflecting: address)) is not an e-mail address: \(problem)" }
}
