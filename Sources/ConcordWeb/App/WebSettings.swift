import Foundation

/// What the web app needs from Concord's configuration; `concord serve` reads it from the
/// environment and its options.
public struct WebSettings: Sendable {
    public var host: String
    public var port: Int
    /// Sets the cookie's `Secure` flag. On by default; plain-HTTP loopback use turns it off.
    public var secureCookies: Bool
    /// bcrypt's cost; 12 in production, lower only in tests.
    public var bcryptCost: Int
    public var sessionIdleTimeout: TimeInterval
    public var sessionAbsoluteTimeout: TimeInterval
    public var signInAttemptLimit: Int
    public var signInLockout: TimeInterval
    /// How many passwords are hashed at once, on threads of their own; more sign-ins wait.
    public var passwordHashLimit: Int
    /// With it, `/metrics` is served on the main port too, and wherever it is served answers
    /// only a request bearing this token; without it, the main port has no `/metrics`.
    public var metricsToken: String?
    /// A listener of its own that serves only `/metrics`; none when nil.
    public var metricsHost: String
    public var metricsPort: Int?
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed: behind them, the
    /// sign-in throttle counts each client by the address the proxy saw rather than the proxy's.
    public var trustedProxies: Set<String>

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = true, bcryptCost: Int = 12,
        sessionIdleTimeout: TimeInterval = 30 * 60, sessionAbsoluteTimeout: TimeInterval = 12 * 60 * 60,
        signInAttemptLimit: Int = 5, signInLockout: TimeInterval = 15 * 60, passwordHashLimit: Int = 2,
        metricsToken: String? = nil, metricsHost: String = "127.0.0.1", metricsPort: Int? = nil,
        trustedProxies: Set<String> = []
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionAbsoluteTimeout = sessionAbsoluteTimeout
        self.signInAttemptLimit = signInAttemptLimit
        self.signInLockout = signInLockout
        self.passwordHashLimit = passwordHashLimit
        self.metricsToken = metricsToken
        self.metricsHost = metricsHost
        self.metricsPort = metricsPort
        self.trustedProxies = trustedProxies
    }
}

extension WebSettings {
    /// `text` in the one spelling a connection's address has, or nil when it is not an IP
    /// address, for reading a proxy's address from the configuration.
    public static func proxyAddress(_ text: String) -> String? {
        ClientAddress.normalised(text)
    }
}
