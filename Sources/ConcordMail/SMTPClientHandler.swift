import NIOCore
import NIOSSL
import NIOTLS

enum SMTPConnectionFailure: Error {
    case closed
    case timedOut
    case protocolViolation(String)
}

/// Turns the byte stream into SMTP replies and hands them, one at a time, to whoever asked for the next one.
///
/// SMTP without pipelining is strictly one command, one reply, so a single waiter is enough. Every method here
/// runs on the channel's event loop; ``SMTPConnection`` is the async face of this handler.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Waiter {
        case reply(EventLoopPromise<SMTPReply>)
        case handshake(EventLoopPromise<Void>)
    }

    private var parser = SMTPReplyParser()
    private var replies = CircularBuffer<SMTPReply>()
    private var waiter: Waiter?
    private var failure: (any Error)?
    private var tlsEstablished = false
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        parser.append(unwrapInboundIn(data))
        do {
            while let reply = try parser.nextReply() { replies.append(reply) }
        } catch {
            fail(SMTPConnectionFailure.protocolViolation("unreadable reply from server: \(error)"))
            context.close(promise: nil)
            return
        }
        if case .reply(let promise) = waiter, let reply = replies.popFirst() {
            waiter = nil
            promise.succeed(reply)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            tlsEstablished = true
            if case .handshake(let promise) = waiter {
                waiter = nil
                promise.succeed()
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPConnectionFailure.closed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func nextReply(eventLoop: EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = replies.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiter = .reply(promise)
        return promise.futureResult
    }

    func tlsHandshake(eventLoop: EventLoop) -> EventLoopFuture<Void> {
        if tlsEstablished { return eventLoop.makeSucceededVoidFuture() }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: Void.self)
        waiter = .handshake(promise)
        return promise.futureResult
    }

    func write(_ bytes: ByteBuffer, eventLoop: EventLoop) -> EventLoopFuture<Void> {
        guard let context else { return eventLoop.makeFailedFuture(failure ?? SMTPConnectionFailure.closed) }
        return context.writeAndFlush(wrapOutboundOut(bytes))
    }

    /// Puts TLS underneath this handler. Anything already received after the server's `220` to `STARTTLS`
    /// arrived in clear text and could have been injected by an attacker, so it is a reason to give up
    /// rather than something to parse later as if it came over TLS.
    func startTLS(context sslContext: NIOSSLContext, serverHostname: String?) throws {
        guard !parser.hasBufferedData, replies.isEmpty else {
            throw SMTPConnectionFailure.protocolViolation("server sent unexpected data after agreeing to STARTTLS")
        }
        guard let context else { throw failure ?? SMTPConnectionFailure.closed }
        let tls = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
        try context.pipeline.syncOperations.addHandler(tls, position: .before(self))
    }

    /// Fails `future` with `timedOut` and closes the connection if it has not completed within `timeout`;
    /// a late reply would otherwise be taken as the answer to a later command.
    func deadline<T: Sendable>(_ future: EventLoopFuture<T>, _ timeout: TimeAmount) -> EventLoopFuture<T> {
        let eventLoop = future.eventLoop
        let promise = eventLoop.makePromise(of: T.self)
        var finished = false
        let timer = eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            guard !finished else { return }
            finished = true
            promise.fail(SMTPConnectionFailure.timedOut)
            self?.context?.close(promise: nil)
        }
        future.assumeIsolated().whenComplete { result in
            timer.cancel()
            guard !finished else { return }
            finished = true
            promise.completeWith(result)
        }
        return promise.futureResult
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        switch waiter {
        case .reply(let promise): promise.fail(error)
        case .handshake(let promise): promise.fail(error)
        case nil: break
        }
        waiter = nil
    }
}
