import Foundation
import NIOCore
import NIOPosix

/// Sends each message over its own SMTP connection, which is closed again whatever happens.
public struct SMTPTransport: MailTransport {
    public let settings: SMTPSettings
    private let eventLoopGroup: any EventLoopGroup

    public init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
    }

    public func send(_ message: MailMessage) async throws(MailDeliveryError) {
        try message.validateForDelivery()
        let tlsContext = try settings.makeTLSContext()
        let content = ByteBuffer(bytes: Self.dotStuffed(MIMEWriter.render(message)))
        let connection = try await SMTPConnection.open(
            host: settings.host, port: settings.port, timeout: settings.timeout,
            implicitTLS: settings.security == .tls ? tlsContext : nil, group: eventLoopGroup)
        let session = SMTPSession(connection: connection, settings: settings, tlsContext: tlsContext)
        do throws(MailDeliveryError) {
            try await session.deliver(
                from: message.from.email, recipients: message.to.map(\.email), content: content)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    /// The DATA payload: a line starting with "." gets a second one (RFC 5321 §4.5.2), then the final `.` line.
    static func dotStuffed(_ message: Data) -> Data {
        var output = Data()
        output.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !message.isEmpty && message.last != UInt8(ascii: "\n") { output.append(contentsOf: Array("\r\n".utf8)) }
        output.append(contentsOf: Array(".\r\n".utf8))
        return output
    }
}
