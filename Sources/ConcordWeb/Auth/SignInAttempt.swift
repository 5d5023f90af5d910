import ConcordStore
import Vapor

/// One sign-in's place in the throttles, taken before its password is checked: per address
/// and, more loosely, per client, since a shared office network or proxy puts many people
/// behind one client address and one person's mistakes must not lock out all.
struct SignInAttempt {
    /// When sign-in opens again, if either throttle refused this attempt.
    let lockedUntil: Date?
    private let emailKey: String
    private let allowed: [(SignInThrottle, SignInThrottle.Ticket)]
    private let email: SignInThrottle

    static func begin(_ request: Request, email: String) async throws -> SignInAttempt {
        let services = request.concord
        let byEmail = services.throttle
        let byClient = SignInThrottle(
            services.database, limit: services.settings.signInAttemptLimit * 4, window: services.settings.signInLockout)
        let emailKey = "email:\(email)"
        let clientKeys = ClientAddress.of(request).map { ["client:\($0)"] } ?? []
        var allowed: [(SignInThrottle, SignInThrottle.Ticket)] = []
        var until: Date?
        for (throttle, keys) in [(byEmail, [emailKey]), (byClient, clientKeys)] where !keys.isEmpty {
            switch try await throttle.attempt(keys, at: request.now) {
            case .allowed(let ticket): allowed.append((throttle, ticket))
            case .locked(let opens): until = max(until ?? opens, opens)
            }
        }
        if until != nil {
            // Refused by one throttle, so the password is not checked: the other forgets it too.
            for (throttle, ticket) in allowed { try await throttle.forgive(ticket) }
            allowed = []
        }
        return SignInAttempt(lockedUntil: until, emailKey: emailKey, allowed: allowed, email: byEmail)
    }

    /// The right password: the address's earlier failures are forgiven, and this attempt is
    /// not held against the client.
    func succeeded() async throws {
        for (throttle, ticket) in allowed { try await throttle.forgive(ticket) }
        try await email.clear(emailKey)
    }
}
