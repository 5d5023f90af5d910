import ConcordStore
import NIOConcurrencyHelpers
import Vapor

/// Tokens the server signs, so that it can tell its own from one a client made up without
/// storing anything: the sign-in form's CSRF token for someone not yet signed in, and the
/// token that makes a dispute form take effect once.
struct FormTokens: Sendable {
    let key: SymmetricKey

    /// The cookie holding an anonymous visitor's random nonce; the form carries its signature.
    static let cookieName = "concord_form"

    /// For a visitor who has not signed in: bound to the nonce in their cookie, so another
    /// site can neither read nor forge it.
    func csrf(nonce: String) -> String {
        sign("csrf", nonce)
    }

    /// A fresh token for one dispute form, for `account` only: its random part, then its signature.
    func submission(for account: UUID) -> String {
        let id = UUID().uuidString.lowercased()
        return id + "." + sign("submission", id, account.uuidString.lowercased())
    }

    /// Shown when a dispute form comes back without a token this server gave its account; the
    /// form is shown again, answers and all, with a fresh one.
    static let refusal =
        "This form could not be checked as one Concord gave you. Check your answers and submit it again"

    /// `token` if `submission(for:)` made it for this account; nil for anything else, so that
    /// only tokens of a known size, and never another account's, are stored.
    func checked(_ token: String, for account: UUID) -> String? {
        isSubmission(token, for: account) ? token : nil
    }

    private func isSubmission(_ token: String, for account: UUID) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = UUID(uuidString: String(parts[0])), id.uuidString.lowercased() == parts[0]
        else { return false }
        return SessionMiddleware.same(
            String(parts[1]), sign("submission", String(parts[0]), account.uuidString.lowercased()))
    }

    /// A nonce for the anonymous cookie, or whether a cookie's value is one.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Self.base64URL(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    static func isNonce(_ text: String) -> Bool {
        text.count == 43 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// Each purpose signs its own message, so a token made for one can never pass for another.
    private func sign(_ purpose: String, _ parts: String...) -> String {
        let message = ([purpose] + parts).joined(separator: "\n")
        return Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension Request {
    /// Made from the database's key on first use, then kept for the life of the process.
    func formTokens() async throws -> FormTokens {
        guard let cache = application.storage[FormTokens.CacheKey.self] else {
            fatalError("ConcordWeb.configure was not called")
        }
        if let tokens = cache.withLockedValue({ $0 }) { return tokens }
        let tokens = FormTokens(key: SymmetricKey(data: try await ServerKeys(concord.database).formKey()))
        cache.withLockedValue { $0 = tokens }
        return tokens
    }
}

extension FormTokens {
    struct CacheKey: StorageKey { typealias Value = NIOLockedValueBox<FormTokens?> }
}
