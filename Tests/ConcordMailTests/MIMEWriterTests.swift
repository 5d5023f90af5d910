import Foundation
import MailTestSupport
import Testing

@testable import ConcordMail

@Suite struct MIMEWriterTests {
    @Test func headersRoundTripThroughPythonWithEncodingAndFolding() async throws {
        let subject =
            "Dispute resolution – referral to SSCP: ‘curly quotes’ and “more”, then a long tail of words that "
            + "forces folding across several lines — Zoë’s case"
        var message = Fixtures.message(
            subject: subject,
            to: [
                MailAddress(name: "Smith, John \"JJ\"", email: "john@example.org"),
                MailAddress(name: "Zoë O’Brien-Ñúñez, Designated Safeguarding Lead", email: "zoe@example.org"),
                MailAddress(name: nil, email: "plain@example.org"),
                MailAddress(name: "back\\slash", email: "slash@example.org"),
            ])
        message.replyTo = MailAddress(name: "Concord Support", email: "support@concord.example")
        let data = MIMEWriter.render(message)
        let lines = Fixtures.lines(data)
        #expect(lines.bareLineFeeds == 0)
        for line in lines.headers { #expect(line.utf8.count <= 78, "header line too long: \(line)") }

        let parsed = try await ParsedMail.parse(data)
        #expect(parsed.defects == [])
        #expect(parsed.subject == subject)
        #expect(parsed.from == [.init(name: "Concord", email: "noreply@concord.example")])
        #expect(parsed.to.map(\.name) == ["Smith, John \"JJ\"", message.to[1].name!, "", "back\\slash"])
        #expect(parsed.to.map(\.email) == message.to.map(\.email))
        #expect(parsed.replyTo == [.init(name: "Concord Support", email: "support@concord.example")])
        #expect(parsed.messageID == message.messageID)
        #expect(parsed.timestamp == message.date.timeIntervalSince1970)
    }

    @Test func dateIsRFC5322InUTC() {
        let data = MIMEWriter.render(Fixtures.message())
        #expect(Fixtures.lines(data).headers.contains("Date: Tue, 03 Jun 2025 12:34:56 +0000"))
    }

    @Test(arguments: [
        "x" + String(repeating: "y", count: 300),
        "  leading and trailing spaces  ",
        "looks like =?UTF-8?B?ZW5jb2RlZA==?= text",
        "",
        "😀👨‍👩‍👧‍👦 emoji that must not be split mid-character 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
    ])
    func awkwardSubjectsSurviveExactly(subject: String) async throws {
        let data = MIMEWriter.render(Fixtures.message(subject: subject))
        for line in Fixtures.lines(data).headers { #expect(line.utf8.count <= 78, "header line too long: \(line)") }
        let parsed = try await ParsedMail.parse(data)
        #expect(parsed.defects == [])
        #expect(parsed.subject == subject)
    }

    @Test func lineBreaksInHeaderValuesCannotInjectHeaders() async throws {
        let message = Fixtures.message(
            subject: "Hello\r\nBcc: victim@example.org",
            to: [MailAddress(name: "Eve\nX-Evil: 1", email: "eve@example.org")],
            headers: [
                MailHeader(name: "X-Concord-Reference", value: "CASE-1\r\nX-Injected: yes"),
                MailHeader(name: "X-Bad\r\nBcc", value: "victim@example.org"),
            ])
        let data = MIMEWriter.render(message)
        let headers = Fixtures.unfoldedHeaders(Fixtures.lines(data).headers)
        for header in headers {
            #expect(!header.lowercased().hasPrefix("bcc"), "injected header: \(header)")
            #expect(!header.hasPrefix("X-Evil") && !header.hasPrefix("X-Injected"), "injected header: \(header)")
        }
        let parsed = try await ParsedMail.parse(data)
        #expect(parsed.subject == "Hello  Bcc: victim@example.org")
        #expect(parsed.to == [.init(name: "Eve X-Evil: 1", email: "eve@example.org")])
        #expect(parsed.headerValues("X-Concord-Reference") == ["CASE-1  X-Injected: yes"])
        #expect(parsed.headerValues("X-BadBcc") == ["victim@example.org"])
        #expect(parsed.headerValues("Bcc").isEmpty)
    }

    @Test func extraHeadersAreWrittenButCannotReplaceStandardOnes() async throws {
        let message = Fixtures.message(headers: [
            MailHeader(name: "X-Concord-Reference", value: "DISPUTE-2024-0042"),
            MailHeader(name: "Auto-Submitted", value: "auto-generated"),
            MailHeader(name: "from", value: "Mallory <mallory@example.org>"),
            MailHeader(name: "Content-Type", value: "text/plain"),
        ])
        let parsed = try await ParsedMail.parse(MIMEWriter.render(message))
        #expect(parsed.headerValues("X-Concord-Reference") == ["DISPUTE-2024-0042"])
        #expect(parsed.headerValues("Auto-Submitted") == ["auto-generated"])
        #expect(parsed.headerValues("From").count == 1)
        #expect(parsed.from.first?.email == "noreply@concord.example")
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.headerValues("MIME-Version") == ["1.0"])
    }

    @Test func bodiesRoundTripByteForByte() async throws {
        let text = """
            Dear Zoë,

            A line with trailing spaces   \n\tand a tab, an equals sign a=b, and =3D literally.
            .A line starting with a dot
            ..two dots
            .
            From the start of a line
            \(String(repeating: "A very long line without any breaks at all. ", count: 12))
            \(String(repeating: "é", count: 100))
            Ends with a newline

            """
        let html =
            "<html><body><p>Zoë’s case – ‘review’</p>\n<p>\(String(repeating: "x=y ", count: 60))</p></body></html>"
        let data = MIMEWriter.render(Fixtures.message(text: text, html: html))
        let lines = Fixtures.lines(data)
        #expect(lines.bareLineFeeds == 0)
        for line in lines.body { #expect(line.utf8.count <= 76, "body line too long: \(line)") }
        #expect(data.allSatisfy { $0 < 0x80 }, "the rendered message must be 7-bit")
        let parsed = try await ParsedMail.parse(data)
        #expect(parsed.defects == [])
        #expect(parsed.text == text)
        #expect(parsed.html == html)
        #expect(parsed.attachments.isEmpty)
    }

    @Test func quotedPrintableEncodesOnlyWhatItMust() {
        #expect(MIMEWriter.quotedPrintable("a=b") == "a=3Db")
        #expect(MIMEWriter.quotedPrintable("end \nnext\t") == "end=20\r\nnext=09")
        #expect(MIMEWriter.quotedPrintable("é") == "=C3=A9")
        let long = MIMEWriter.quotedPrintable(String(repeating: "x", count: 200))
        #expect(long.components(separatedBy: "\r\n").map(\.count) == [76, 76, 50])
        let exact = MIMEWriter.quotedPrintable(String(repeating: "x", count: 76))
        #expect(exact == String(repeating: "x", count: 76), "a line that fits needs no soft break")
    }

    @Test func attachmentsAreWrappedInMultipartMixed() async throws {
        let binary = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let calendar = Data("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Zoë – review\r\nEND:VCALENDAR\r\n".utf8)
        let longName = "Minutes of the safeguarding review meeting held on the third of June – final version.pdf"
        let message = Fixtures.message(attachments: [
            MailAttachment(
                filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", data: calendar),
            MailAttachment(filename: longName, contentType: "application/pdf", data: binary),
            MailAttachment(filename: "empty \"quoted\".txt", contentType: "text/plain", data: Data()),
        ])
        let data = MIMEWriter.render(message)
        let lines = Fixtures.lines(data)
        for line in lines.headers + lines.body { #expect(line.utf8.count <= 78, "line too long: \(line)") }
        let parsed = try await ParsedMail.parse(data)
        #expect(parsed.defects == [])
        #expect(parsed.contentType == "multipart/mixed")
        #expect(parsed.text == message.text)
        #expect(parsed.html == message.html)
        #expect(parsed.attachments.map(\.filename) == ["invite.ics", longName, "empty \"quoted\".txt"])
        #expect(parsed.attachments.map(\.contentType) == ["text/calendar", "application/pdf", "text/plain"])
        #expect(parsed.attachments.first?.params["method"] == "REQUEST")
        #expect(parsed.attachments.map(\.data) == [calendar, binary, Data()])
    }

    @Test func boundariesAreFreshAndCannotBeForgedByContent() async throws {
        let first = String(decoding: MIMEWriter.render(Fixtures.message()), as: UTF8.self)
        let boundary = try #require(first.firstMatch(of: /boundary="([^"]+)"/)?.output.1)
        let text = "--\(boundary)\nContent-Type: text/html\n\n<b>forged</b>\n--\(boundary)--\n"
        let second = MIMEWriter.render(Fixtures.message(text: text))
        #expect(!String(decoding: second, as: UTF8.self).contains(boundary))
        let parsed = try await ParsedMail.parse(second)
        #expect(parsed.text == text)
        #expect(parsed.html == Fixtures.message().html)
    }

    @Test func messageIDGetsAngleBracketsWhenMissing() {
        var message = Fixtures.message()
        message.messageID = "abc123@concord.example"
        let headers = Fixtures.lines(MIMEWriter.render(message)).headers
        #expect(headers.contains("Message-ID: <abc123@concord.example>"))
    }
}
