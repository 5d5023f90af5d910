import Foundation
import MailTestSupport
import Testing

@testable import ConcordMail

@Suite struct FileTransportTests {
    @Test func writesOneParsableFileNamedByDateAndMessageID() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent("outbox/nested")
        var message = Fixtures.message()
        message.messageID = "<case-42.reminder@concord.example>"
        try await FileTransport(directory: directory).send(message)

        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files == ["20250603-123456-case-42.reminder@concord.example.eml"])
        let parsed = try await ParsedMail.parse(file: directory.appendingPathComponent(files[0]))
        #expect(parsed.defects == [])
        #expect(parsed.subject == message.subject)
        #expect(parsed.text == message.text)
        #expect(parsed.messageID == message.messageID)
    }

    @Test func sendingTheSameMessageAgainWritesNothingNew() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory()
        let transport = FileTransport(directory: directory)
        var message = Fixtures.message()
        try await transport.send(message)
        try await transport.send(message)
        message.date = message.date.addingTimeInterval(3600)
        try await transport.send(message)
        try await transport.send(Fixtures.message())
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.count == 2, "\(files)")
        #expect(files.allSatisfy { $0.hasSuffix(".eml") }, "no temporary files may be left behind: \(files)")
    }

    @Test func messageIDsThatLookAlikeAfterSanitisingStayDistinct() {
        let plus = FileTransport.fileStem(for: "<a+b@x>")
        let slash = FileTransport.fileStem(for: "<a/b@x>")
        #expect(plus != slash)
        #expect(!plus.contains("/") && !slash.contains("/"))
        #expect(FileTransport.fileStem(for: "<../../etc/passwd>").contains("/") == false)
    }

    @Test func anUnwritableFolderIsATransientErrorNamingTheFolder() async throws {
        let blocker = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let directory = blocker.appendingPathComponent("mail")
        let error = await #expect(throws: MailDeliveryError.self) {
            try await FileTransport(directory: directory).send(Fixtures.message())
        }
        #expect(error?.isTransient == true)
        #expect(error?.description.contains(directory.path) == true, "\(String(describing: error))")
        #expect(error?.description.contains(Fixtures.secretSubject) == false)
    }
}
