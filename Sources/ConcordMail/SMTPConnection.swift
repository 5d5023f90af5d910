import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (optionally TLS) connection to an SMTP server, with a deadline on every step.
///
/// Every failure here is reported as transient, labelled with the step it happened in: a dropped connection,
/// a timeout or a TLS failure says nothing about whether the message itself is acceptable.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPClientHandler>
    private let timeout: TimeAmount
    private let timeoutSeconds: Double

    static func open(
        host: String, port: Int, timeout seconds: Double, implicitTLS: NIOSSLContext?, group: any EventLoopGroup
    ) async throws(MailDeliveryError) -> SMTPConnection {
        let timeout = TimeAmount.nanoseconds(Int64(max(seconds, 0.001) * 1_000_000_000))
        let serverHostname = Self.serverHostname(for: host)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw .transient("connecting to \(host):\(port) failed: \(error)")
        }
        do {
            let handler = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: SMTPClientHandler.self),
                    eventLoop: channel.eventLoop)
            }.get()
            return SMTPConnection(channel: channel, handler: handler, timeout: timeout, timeoutSeconds: seconds)
        } catch {
            channel.close(promise: nil)
            throw .transient("connecting to \(host):\(port) failed: \(error)")
        }
    }

    /// SNI and the certificate name check use the host name; for an IP literal SNI must be left out, and
    /// NIOSSL then checks the certificate against the peer's address instead.
    static func serverHostname(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    func readReply(step: String) async throws(MailDeliveryError) -> SMTPReply {
        try await onLoop(step) { handler, eventLoop in handler.nextReply(eventLoop: eventLoop) }
    }

    func command(_ line: String, step: String) async throws(MailDeliveryError) -> SMTPReply {
        try await send(ByteBuffer(string: line + "\r\n"), step: step)
        return try await readReply(step: step)
    }

    func send(_ bytes: ByteBuffer, step: String) async throws(MailDeliveryError) {
        try await onLoop(step) { handler, eventLoop in handler.write(bytes, eventLoop: eventLoop) }
    }

    func waitForTLSHandshake(step: String) async throws(MailDeliveryError) {
        try await onLoop(step) { handler, eventLoop in handler.tlsHandshake(eventLoop: eventLoop) }
    }

    func startTLS(context: NIOSSLContext, host: String) async throws(MailDeliveryError) {
        let serverHostname = Self.serverHostname(for: host)
        try await onLoop("STARTTLS") { handler, eventLoop in
            eventLoop.makeCompletedFuture { try handler.startTLS(context: context, serverHostname: serverHostname) }
        }
        try await waitForTLSHandshake(step: "STARTTLS handshake")
    }

    func close() async {
        try? await channel.close().get()
    }

    private func onLoop<T: Sendable>(
        _ step: String, _ body: @escaping @Sendable (SMTPClientHandler, any EventLoop) -> EventLoopFuture<T>
    ) async throws(MailDeliveryError) -> T {
        let handler = self.handler
        let timeout = self.timeout
        do {
            return try await channel.eventLoop.flatSubmit {
                handler.value.deadline(body(handler.value, handler.eventLoop), timeout)
            }.get()
        } catch {
            throw .transient("\(step): \(describe(error))")
        }
    }

    private func describe(_ error: any Error) -> String {
        switch error {
        case SMTPConnectionFailure.closed: "connection closed by the server"
        case SMTPConnectionFailure.timedOut: "no answer within \(timeoutSeconds) seconds"
        case SMTPConnectionFailure.protocolViolation(let detail): detail
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: "TLS failed: \(error)"
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed: "connection closed"
        default: "\(error)"
        }
    }
}
