import NIOCore

/// One SMTP reply, possibly multi-line (`250-first`, `250-second`, `250 last`).
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }

    /// The reply as it would appear in a log: code and text, with control characters stripped and a length cap,
    /// since the text comes from a server we do not control.
    var description: String {
        let text = lines.joined(separator: " / ")
        let printable = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" }))
        let capped = printable.count > 300 ? printable.prefix(300) + "…" : Substring(printable)
        return capped.isEmpty ? "\(code)" : "\(code) \(capped)"
    }
}

enum SMTPReplyParserError: Error, Equatable {
    case malformed(String)
    case tooLong
}

/// Incremental reply parser: feed bytes as they arrive and take out complete replies.
struct SMTPReplyParser {
    /// RFC 5321 allows 512 octets per reply line; a generous cap stops a hostile server exhausting memory.
    static let maxLineLength = 4096
    static let maxLines = 256

    private var buffer = ByteBuffer()
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    var hasBufferedData: Bool { buffer.readableBytes > 0 || pendingCode != nil }

    mutating func append(_ bytes: ByteBuffer) {
        var bytes = bytes
        buffer.writeBuffer(&bytes)
    }

    mutating func nextReply() throws(SMTPReplyParserError) -> SMTPReply? {
        while let line = try nextLine() {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
                (200...599).contains(code) || (100..<200).contains(code)
            else { throw .malformed(String(line.prefix(80))) }
            let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
                throw .malformed(String(line.prefix(80)))
            }
            if let pendingCode, pendingCode != code { throw .malformed("reply code changed within a multi-line reply") }
            pendingCode = code
            pendingLines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            guard pendingLines.count <= Self.maxLines else { throw .tooLong }
            if separator == UInt8(ascii: " ") {
                let reply = SMTPReply(code: code, lines: pendingLines)
                pendingCode = nil
                pendingLines = []
                return reply
            }
        }
        return nil
    }

    /// Lines end in CRLF; a bare LF is accepted too because some servers send it.
    private mutating func nextLine() throws(SMTPReplyParserError) -> String? {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineLength { throw .tooLong }
            return nil
        }
        let length = newline - view.startIndex
        guard length <= Self.maxLineLength else { throw .tooLong }
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        buffer.discardReadBytes()
        return line
    }
}
