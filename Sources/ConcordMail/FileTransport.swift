import Foundation

/// Writes each message as `<yyyyMMdd-HHmmss>-<message id>.eml` into a folder, for development and for
/// installations without an SMTP server. Any mail client can open the files.
///
/// Sending a message whose Message-ID is already in the folder does nothing, so an outbox that retries after
/// a crash never produces a second copy.
public struct FileTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ message: MailMessage) async throws(MailDeliveryError) {
        try message.validateForDelivery()
        let suffix = "-\(Self.fileStem(for: message.messageID)).eml"
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            let existing = try fileManager.contentsOfDirectory(atPath: directory.path)
            if existing.contains(where: { $0.hasSuffix(suffix) }) { return }
            let target = directory.appendingPathComponent(Self.timestamp(message.date) + suffix)
            // Written beside the target and renamed, so a reader never sees half a message.
            let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
            try MIMEWriter.render(message).write(to: temporary, options: .withoutOverwriting)
            do {
                try fileManager.moveItem(at: temporary, to: target)
            } catch {
                try? fileManager.removeItem(at: temporary)
                // Lost a race with a concurrent send of the same message: it is delivered all the same.
                if fileManager.fileExists(atPath: target.path) { return }
                throw error
            }
        } catch {
            throw .transient("cannot write mail to folder \(directory.path): \(error.localizedDescription)")
        }
    }

    /// The Message-ID without brackets, reduced to characters that are safe in file names everywhere.
    /// When that loses information a hash of the full ID is appended, so distinct IDs never share a file.
    static func fileStem(for messageID: String) -> String {
        let bare = messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        let safe = bare.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "@._-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }
        let stem = String(safe.prefix(100))
        guard stem != bare else { return stem }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return stem + "-" + String(hash, radix: 16)
    }

    private static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
    }
}
