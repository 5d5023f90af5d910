import Foundation
import NIOSSL

public struct SMTPSettings: Sendable, Hashable {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        case none
        case startTLS = "starttls"
        /// Implicit TLS from the first byte, usually on port 465.
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var heloName: String
    /// Applies to each step separately: connecting, the TLS handshake, and waiting for each reply.
    public var timeout: TimeInterval
    /// A PEM file of extra certificates to trust besides the system roots, e.g. a self-signed test server's.
    public var trustedCertificateFile: String?
    public var verifyCertificates: Bool

    /// `port` defaults to the usual port for `security`: 25 in clear, 587 with STARTTLS, 465 with implicit TLS.
    public init(
        host: String, port: Int? = nil, security: Security = .startTLS, username: String? = nil,
        password: String? = nil, heloName: String = "localhost", timeout: TimeInterval = 30,
        trustedCertificateFile: String? = nil, verifyCertificates: Bool = true
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.timeout = timeout
        self.trustedCertificateFile = trustedCertificateFile
        self.verifyCertificates = verifyCertificates
    }

    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: 25
        case .startTLS: 587
        case .tls: 465
        }
    }

    /// Settings problems cannot fix themselves, so they are permanent failures.
    func makeTLSContext() throws(MailDeliveryError) -> NIOSSLContext? {
        guard security != .none else { return nil }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if !verifyCertificates { configuration.certificateVerification = .none }
        if let trustedCertificateFile {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(trustedCertificateFile)
                configuration.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw .permanent("cannot read trusted certificate file \(trustedCertificateFile): \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .permanent("cannot set up TLS: \(error)")
        }
    }
}
