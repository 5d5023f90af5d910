import ConcordStore
import Vapor

/// What the session middleware learnt about the request's browser session.
struct RequestSession: Sendable {
    var token: String
    var session: WebSession
}

extension Request {
    private struct SessionKey: StorageKey { typealias Value = RequestSession }
    private struct AccountKey: StorageKey { typealias Value = Account }
    private struct EndedKey: StorageKey { typealias Value = Bool }
    private struct CookieKey: StorageKey { typealias Value = String }
    private struct FormCookieKey: StorageKey { typealias Value = String }

    var webSession: RequestSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The signed-in account, if any.
    var account: Account? {
        get { storage[AccountKey.self] }
        set { storage[AccountKey.self] = newValue }
    }

    /// The browser sent a session cookie whose session has expired or been ended.
    var sessionEnded: Bool {
        get { storage[EndedKey.self] ?? false }
        set { storage[EndedKey.self] = newValue }
    }

    /// A cookie value to send with the response: a new token, or "" to remove the cookie.
    var cookieToSet: String? {
        get { storage[CookieKey.self] }
        set { storage[CookieKey.self] = newValue }
    }

    /// A value for the anonymous visitor's form cookie: a new nonce, or "" to remove it.
    var formCookieToSet: String? {
        get { storage[FormCookieKey.self] }
        set { storage[FormCookieKey.self] = newValue }
    }

    /// The nonce the visitor's form cookie holds, or the one this response will give them.
    var formNonce: String? {
        if let set = formCookieToSet { return set.isEmpty ? nil : set }
        guard let sent = cookies[FormTokens.cookieName]?.string, FormTokens.isNonce(sent) else { return nil }
        return sent
    }

    func requireAccount() throws -> Account {
        guard let account else { throw Abort(.unauthorized) }
        return account
    }

    /// The form token: the session's once signed in; before that, signed over the nonce in the
    /// visitor's form cookie (given one now if they have none), so nothing is stored for them.
    func csrfToken() async throws -> String {
        if let webSession { return webSession.session.csrfToken }
        let nonce = formNonce ?? FormTokens.nonce()
        if formNonce == nil { formCookieToSet = nonce }
        return try await formTokens().csrf(nonce: nonce)
    }

    /// Replaces the session with a new one for `account`, so that a token seen before sign-in
    /// is worthless after it, and ends the account's sessions elsewhere: one person, one
    /// browser, as the session-ended page tells them.
    func signIn(_ account: Account) async throws {
        if let webSession { try await concord.sessions.end(token: webSession.token) }
        try await concord.accounts.endSessions(account.id)
        let started = try await concord.sessions.start(account: account.id, at: now)
        webSession = RequestSession(token: started.token, session: started.session)
        cookieToSet = started.token
        if cookies[FormTokens.cookieName] != nil { formCookieToSet = "" }
        self.account = account
    }

    func signOut() async throws {
        if let webSession { try await concord.sessions.end(token: webSession.token) }
        webSession = nil
        account = nil
        cookieToSet = ""
    }
}
