import Foundation
import MailTestSupport
import Testing

@testable import ConcordMail

/// Every test here talks to a real aiosmtpd server (smtp_sink.py) and checks the bytes it received.
@Suite struct SMTPTransportTests {
    private func transport(
        _ port: Int, security: SMTPSettings.Security = .none, host: String = "127.0.0.1", username: String? = nil,
        password: String? = nil, trustTestCertificate: Bool = true, timeout: TimeInterval = 10
    ) throws -> SMTPTransport {
        let certificate = try TestEnvironment.certificate.get()
        return SMTPTransport(
            settings: SMTPSettings(
                host: host, port: port, security: security, username: username, password: password,
                heloName: "concord.test", timeout: timeout,
                trustedCertificateFile: trustTestCertificate ? certificate.cert : nil))
    }

    private func tlsOptions(_ flag: String) throws -> [String] {
        let certificate = try TestEnvironment.certificate.get()
        return [flag, certificate.cert, certificate.key]
    }

    /// Expects a failure of the given kind whose description is safe to log.
    private func expectFailure(
        _ transient: Bool, _ send: () async throws(MailDeliveryError) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> MailDeliveryError? {
        do {
            try await send()
            Issue.record("expected a \(transient ? "transient" : "permanent") failure", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.isTransient == transient, "\(error)", sourceLocation: sourceLocation)
            #expect(!error.description.contains(Fixtures.secretSubject), sourceLocation: sourceLocation)
            #expect(!error.description.contains("SECRET-BODY-MARKER"), sourceLocation: sourceLocation)
            return error
        }
    }

    @Test func plainSendDeliversExactMessageWithDotLinesIntact() async throws {
        let text = ".leading dot\n..two dots\n.\nlast line\n"
        let message = Fixtures.message(
            text: text,
            to: [
                MailAddress(name: "Worker", email: "worker@example.org"),
                MailAddress(name: "Lead", email: "lead@example.org"),
            ])
        try await SMTPSink.with { sink in
            try await transport(sink.port).send(message)
            let received = try sink.received()
            try #require(received.count == 1)
            #expect(received[0].envelope.mailFrom == "noreply@concord.example")
            #expect(received[0].envelope.rcptTos == ["worker@example.org", "lead@example.org"])
            #expect(received[0].envelope.tls == false)
            let bytes = try Data(contentsOf: received[0].eml)
            let rendered = String(decoding: MIMEWriter.render(message), as: UTF8.self)
            // Boundaries are random per render, so compare the headers up to the first one that names a boundary.
            let headersEnd = try #require(rendered.range(of: "Content-Type: multipart/"))
            #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(String(rendered[..<headersEnd.lowerBound])))
            let parsed = try await ParsedMail.parse(file: received[0].eml)
            #expect(parsed.defects == [])
            #expect(parsed.text == text)
            #expect(parsed.subject == message.subject)
        }
    }

    @Test func startTLSVerifiesTheServerCertificateAndEncrypts() async throws {
        try await SMTPSink.with(tlsOptions("--tls") + ["--require-tls"]) { sink in
            try await transport(sink.port, security: .startTLS, host: "localhost").send(Fixtures.message())
            let received = try sink.received()
            try #require(received.count == 1)
            #expect(received[0].envelope.tls == true)
        }
    }

    @Test func startTLSWithAnUntrustedCertificateFailsTransientlyAndSendsNothing() async throws {
        try await SMTPSink.with(tlsOptions("--tls")) { sink in
            let transport = try transport(sink.port, security: .startTLS, trustTestCertificate: false)
            let error = await expectFailure(true) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            #expect(error?.reason.contains("TLS") == true, "\(String(describing: error))")
            #expect(try sink.received().isEmpty)
        }
    }

    @Test func startTLSRequiredButNotOfferedFailsWithoutSendingInClear() async throws {
        try await SMTPSink.with { sink in
            let transport = try transport(sink.port, security: .startTLS)
            let error = await expectFailure(true) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            #expect(error?.reason.contains("STARTTLS") == true, "\(String(describing: error))")
            #expect(try sink.received().isEmpty)
        }
    }

    @Test func implicitTLSDelivers() async throws {
        try await SMTPSink.with(tlsOptions("--implicit-tls")) { sink in
            try await transport(sink.port, security: .tls).send(Fixtures.message())
            let received = try sink.received()
            try #require(received.count == 1)
            #expect(received[0].envelope.tls == true)
        }
    }

    @Test func authPlainAfterStartTLS() async throws {
        try await SMTPSink.with(tlsOptions("--tls") + ["--auth", "concord:s3cret pass"]) { sink in
            try await transport(
                sink.port, security: .startTLS, host: "localhost", username: "concord", password: "s3cret pass"
            )
            .send(Fixtures.message())
            let received = try sink.received()
            try #require(received.count == 1)
            #expect(received[0].envelope.authUser == "concord")
            #expect(received[0].envelope.tls == true)
        }
    }

    @Test func authLoginWhenItIsTheOnlyMechanism() async throws {
        try await SMTPSink.with(["--auth", "concord:pw", "--auth-mechanisms", "LOGIN"]) { sink in
            try await transport(sink.port, username: "concord", password: "pw").send(Fixtures.message())
            #expect(try sink.received().map(\.envelope.authUser) == ["concord"])
        }
    }

    @Test func wrongPasswordIsPermanent() async throws {
        try await SMTPSink.with(["--auth", "concord:right"]) { sink in
            let transport = try transport(sink.port, username: "concord", password: "wrong")
            let error = await expectFailure(false) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            #expect(
                error?.reason.contains("AUTH") == true && error?.reason.contains("535") == true,
                "\(String(describing: error))")
            #expect(error?.description.contains("wrong") == false, "the password must not be logged")
            #expect(try sink.received().isEmpty)
        }
    }

    @Test(arguments: [("550", false), ("451", true)])
    func refusedRecipientMapsByReplyClass(code: String, transient: Bool) async throws {
        try await SMTPSink.with(["--refuse-rcpt", code]) { sink in
            let transport = try transport(sink.port)
            let error = await expectFailure(transient) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            #expect(
                error?.reason.hasPrefix("RCPT TO <worker@example.org> refused: \(code)") == true,
                "\(String(describing: error))")
            #expect(try sink.received().isEmpty)
        }
    }

    @Test func connectionDroppedAfterDataIsTransient() async throws {
        try await SMTPSink.with(["--drop-after-data"]) { sink in
            let transport = try transport(sink.port)
            let error = await expectFailure(true) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            #expect(error?.reason.contains("end of DATA") == true, "\(String(describing: error))")
        }
    }

    @Test func nothingListeningIsTransient() async throws {
        let port = try await SMTPSink.with { $0.port }
        let transport = try transport(port)
        let error = await expectFailure(true) { () async throws(MailDeliveryError) in
            try await transport.send(Fixtures.message())
        }
        #expect(error?.reason.contains("connecting to 127.0.0.1:\(port)") == true, "\(String(describing: error))")
    }

    @Test func aServerThatNeverGreetsTimesOutAfterTheConfiguredTimeout() async throws {
        try await SilentServer.with { server in
            let transport = try transport(server.port, timeout: 1)
            let clock = ContinuousClock()
            let start = clock.now
            let error = await expectFailure(true) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message())
            }
            let elapsed = clock.now - start
            // Only a lower bound: under a loaded test run the answer can come late, but never
            // before the configured timeout, and the reason names it.
            #expect(elapsed >= .milliseconds(900), "took \(elapsed)")
            #expect(
                error?.reason.contains("greeting: no answer within 1.0 seconds") == true, "\(String(describing: error))"
            )
        }
    }

    @Test func malformedAddressesArePermanentAndCheckedBeforeConnecting() async throws {
        let transport = try transport(1)
        for email in ["no-at-sign", "a@b@c", "evil@example.org>\r\nRCPT TO:<x@y", "sp ace@example.org", "@example.org"]
        {
            let error = await expectFailure(false) { () async throws(MailDeliveryError) in
                try await transport.send(Fixtures.message(to: [MailAddress(name: nil, email: email)]))
            }
            #expect(error?.reason.contains("malformed recipient address") == true, "\(String(describing: error))")
        }
    }

    @Test func dotStuffingDoublesLeadingDotsAndTerminates() {
        let stuffed = SMTPTransport.dotStuffed(Data(".a\r\nb\r\n..c\r\n".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..a\r\nb\r\n...c\r\n.\r\n")
    }
}
