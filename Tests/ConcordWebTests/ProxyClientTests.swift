import ConcordStore
import Foundation
import NIOCore
import Testing
import Vapor

@testable import ConcordWeb

/// Behind a reverse proxy every connection comes from the proxy. Counted by that address, 20
/// wrong passwords from anyone would lock everyone out of signing in; a trusted proxy's
/// `X-Forwarded-For` names the client instead, and nobody else's is believed.
@Suite("The client behind a proxy")
struct ProxyClientTests {
    static let proxy = "10.0.0.5"

    @Test func theAddressIsReadFromTheRightPastTrustedProxiesOnly() {
        let trusted: Set = [Self.proxy, "10.0.0.6"]
        func client(_ peer: String?, _ forwarded: [String]) -> String? {
            ClientAddress.resolve(peer: peer, forwardedFor: forwarded, trusted: trusted)
        }
        #expect(client("203.0.113.5", []) == "203.0.113.5")
        #expect(client("203.0.113.5", ["198.51.100.7"]) == "203.0.113.5", "a client's own header is ignored")
        #expect(client(Self.proxy, ["203.0.113.5"]) == "203.0.113.5")
        #expect(
            client(Self.proxy, ["198.51.100.7, 203.0.113.5"]) == "203.0.113.5", "what the client sent is left of it")
        #expect(client(Self.proxy, ["198.51.100.7", "203.0.113.5, 10.0.0.6"]) == "203.0.113.5", "two proxies")
        #expect(client(Self.proxy, []) == Self.proxy, "no header: the proxy itself")
        #expect(client(Self.proxy, ["unknown"]) == Self.proxy, "not an address: the last one known")
        #expect(client(Self.proxy, ["2001:DB8:0:0::1"]) == "2001:db8::1", "one spelling per address")
        #expect(client(nil, ["203.0.113.5"]) == nil)
        #expect(WebSettings.proxyAddress("0:0::1") == "::1")
        #expect(WebSettings.proxyAddress("proxy.example") == nil)
    }

    @Test(
        "behind a trusted proxy, one client's failed sign-ins lock out that client alone",
        arguments: WebBackend.allCases)
    func oneClientBehindTheProxy(_ backend: WebBackend) async throws {
        var settings = WebHarness.testSettings
        settings.trustedProxies = [Self.proxy]
        try await WebHarness.with(settings: settings, seed: false, backend: backend) { h in
            for n in 0..<settings.signInAttemptLimit * 4 {
                let locked = try await Self.locked(h, from: Self.proxy, for: "203.0.113.5", "guess\(n)@example.org")
                #expect(!locked, "attempt \(n + 1)")
            }
            let again = try await Self.locked(h, from: Self.proxy, for: "203.0.113.5", "someone@example.org")
            #expect(again, "that client is locked out")
            let other = try await Self.locked(h, from: Self.proxy, for: "198.51.100.7", "someone@example.org")
            #expect(!other, "another client behind the same proxy signs in")
            let posing = try await Self.locked(
                h, from: Self.proxy, for: "198.51.100.7, 203.0.113.5", "someone@example.org")
            #expect(posing, "the locked client cannot pass for another")
        }
    }

    @Test("a header from a peer that is not a trusted proxy changes nothing", arguments: WebBackend.allCases)
    func untrustedHeader(_ backend: WebBackend) async throws {
        try await WebHarness.with(seed: false, backend: backend) { h in
            for n in 0..<WebHarness.testSettings.signInAttemptLimit * 4 {
                let locked = try await Self.locked(h, from: Self.proxy, for: "192.0.2.\(n)", "guess\(n)@example.org")
                #expect(!locked, "attempt \(n + 1)")
            }
            let next = try await Self.locked(h, from: Self.proxy, for: "192.0.2.200", "someone@example.org")
            #expect(next, "every client behind an untrusted proxy counts as the proxy")
        }
    }

    /// Whether the throttle refuses this attempt before its password is checked.
    static func locked(
        _ h: WebHarness, from peer: String, for forwarded: String, _ email: String
    ) async throws
        -> Bool
    {
        let request = Request(
            application: h.app, method: .POST, url: "/sign-in", headers: ["X-Forwarded-For": forwarded],
            remoteAddress: try SocketAddress(ipAddress: peer, port: 40_000), on: h.app.eventLoopGroup.next())
        return try await SignInAttempt.begin(request, email: email).lockedUntil != nil
    }
}
