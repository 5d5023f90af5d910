import Foundation

/// Body transfer encodings. Both keep every line at most 76 characters and the whole message 7-bit,
/// so it travels unchanged through any SMTP relay whatever the content.
extension MIMEWriter {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Quoted-printable per RFC 2045 §6.7. Line breaks of any style become CRLF (hard breaks), as the RFCs
    /// require of text; receivers turn them back into their own line ending.
    static func quotedPrintable(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 { output += [0x0D, 0x0A] }
            let bytes = Array(line.utf8)
            var lineLength = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let isWhitespace = byte == 0x20 || byte == 0x09
                let isLiteral = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (isWhitespace && !isLast)
                let piece =
                    isLiteral ? [byte] : [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
                // A soft break costs one '=' at the end of the line; the last piece of a line needs no room for it.
                if lineLength + piece.count > (isLast ? 76 : 75) {
                    output += [UInt8(ascii: "="), 0x0D, 0x0A]
                    lineLength = 0
                }
                output += piece
                lineLength += piece.count
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func base64Lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        var lines: [String] = []
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            lines.append(String(decoding: encoded[start..<end], as: UTF8.self))
            start = end
        }
        return lines.joined(separator: "\r\n")
    }

    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", weekdays[parts.weekday! - 1], parts.day!,
            months[parts.month! - 1], parts.year!, parts.hour!, parts.minute!, parts.second!)
    }
}
