import Foundation

public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws(MailDeliveryError)
}

/// Why a message could not be handed over, split by whether trying again later can help.
///
/// Descriptions name the step that failed and quote the server's reply, but never contain the subject or body:
/// those may hold a child's details and error descriptions end up in logs.
public enum MailDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Worth retrying: the connection failed, timed out or was dropped, TLS failed, or the server answered 4xx.
    case transient(String)
    /// Not worth retrying unchanged: the server answered 5xx, or the message or settings are unusable.
    case permanent(String)

    public var description: String {
        switch self {
        case .transient(let reason): "transient mail delivery failure: \(reason)"
        case .permanent(let reason): "permanent mail delivery failure: \(reason)"
        }
    }

    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }

    public var reason: String {
        switch self {
        case .transient(let reason), .permanent(let reason): reason
        }
    }
}
