import NIOCore
import Vapor

/// The address the sign-in throttle counts a client by. Directly, that is the connection's
/// peer. Behind a reverse proxy every connection comes from the proxy, so one client's failures
/// would lock everyone out; a trusted proxy's `X-Forwarded-For` then says who it was talking to.
enum ClientAddress {
    static func of(_ request: Request) -> String? {
        resolve(
            peer: request.remoteAddress?.ipAddress, forwardedFor: request.headers[.xForwardedFor],
            trusted: request.concord.settings.trustedProxies)
    }

    /// Read from the right, skipping trusted proxies: each proxy appends the address it saw, so
    /// the entries left of the first untrusted one are whatever that client chose to send.
    static func resolve(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard var address = peer.flatMap(normalised) else { return nil }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for hop in hops.reversed() {
            guard trusted.contains(address), let next = normalised(hop) else { break }
            address = next
        }
        return address
    }

    /// One spelling per address (`::1`, `0:0::1`), so that the configuration and the connection
    /// agree; nil for anything that is not an IP address.
    static func normalised(_ text: String) -> String? {
        (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress
    }
}
