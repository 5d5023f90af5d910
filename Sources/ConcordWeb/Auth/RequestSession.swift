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

    func requireAccount() throws -> Account {
        guard let account else { throw Abort(.unauthorized) }
        return account
    }

    /// The session's form token, starting an anonymous session first if there is none.
    func csrfToken() async throws -> String {
        if let webSession { return webSession.session.csrfToken }
        let started = try await concord.sessions.start(account: nil, at: now)
        webSession = RequestSession(token: started.token, session: started.session)
        cookieToSet = started.token
        return started.session.csrfToken
    }

    /// Replaces the session with a new one for `account`, so that a token seen before sign-in
    /// is worthless after it.
    func signIn(_ account: Account) async throws {
        if let webSession { try await concord.sessions.end(token: webSession.token) }
        let started = try await concord.sessions.start(account: account.id, at: now)
        webSession = RequestSession(token: started.token, session: started.session)
        cookieToSet = started.token
        self.account = account
    }

    func signOut() async throws {
        if let webSession { try await concord.sessions.end(token: webSession.token) }
        webSession = nil
        account = nil
        cookieToSet = ""
    }
}
