import ConcordStore
import Vapor

/// Loads the browser's session and account from the database, checks the form token on every
/// POST, and sets or clears the session and form cookies on the way out.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = "concord_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await load(request)
        if request.method == .POST, let refusal = try await checkForm(request) {
            return finish(refusal, request)
        }
        return finish(try await next.respond(to: request), request)
    }

    private func load(_ request: Request) async throws {
        guard let token = request.cookies[Self.cookieName]?.string, !token.isEmpty else { return }
        guard let session = try await request.concord.sessions.resume(token: token, at: request.now) else {
            request.sessionEnded = true
            request.cookieToSet = ""
            return
        }
        request.webSession = RequestSession(token: token, session: session)
        guard let accountID = session.accountID else { return }
        if let account = try await request.concord.accounts.find(id: accountID), !account.disabled {
            request.account = account
        } else {
            try await request.signOut()
            request.sessionEnded = true
        }
    }

    /// Every form carries the session's token, or before sign-in the one signed over the form
    /// cookie's nonce; a form from another site, or from a session that has ended, is refused
    /// before any handler sees it.
    private func checkForm(_ request: Request) async throws -> Response? {
        if request.sessionEnded { return request.redirect(to: .sessionExpired) }
        // Middleware runs before Vapor gathers a streamed body; without this, any form larger
        // than the first network read would look as if it had no token.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let sent = try? request.content.get(String.self, at: "csrf")
        var expected = request.webSession?.session.csrfToken
        if expected == nil, let nonce = request.formNonce {
            expected = try await request.formTokens().csrf(nonce: nonce)
        }
        guard let expected, let sent, Self.same(sent, expected) else {
            return try await request.page(
                "message", title: "This form has expired",
                MessagePage(
                    heading: "This form has expired",
                    paragraphs: [
                        "Nothing was saved. Go back, reload the page and try again."
                    ], link: Link(text: "Go to my work", href: SiteRoute.myWork.path)),
                status: .forbidden)
        }
        return nil
    }

    private func finish(_ response: Response, _ request: Request) -> Response {
        if let value = request.cookieToSet { response.cookies[Self.cookieName] = cookie(value, request) }
        if let value = request.formCookieToSet { response.cookies[FormTokens.cookieName] = cookie(value, request) }
        return response
    }

    private func cookie(_ value: String, _ request: Request) -> HTTPCookies.Value {
        let secure = request.concord.settings.secureCookies
        return value.isEmpty
            ? HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure,
                isHTTPOnly: true, sameSite: .lax)
            : HTTPCookies.Value(string: value, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Sends anyone not signed in to sign in, or to the session-ended page if theirs ran out.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.account != nil { return try await next.respond(to: request) }
        if request.sessionEnded { return request.redirect(to: .sessionExpired) }
        guard request.method == .GET else { return request.redirect(to: .signIn) }
        var components = URLComponents()
        components.path = SiteRoute.signIn.path
        components.queryItems = [URLQueryItem(name: "next", value: request.url.path)]
        return request.redirect(to: components.string ?? SiteRoute.signIn.path, redirectType: .normal)
    }
}
