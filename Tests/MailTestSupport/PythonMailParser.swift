import Foundation

/// A message as Python's `email` package (policy.default) reads it back: an independent, widely used parser.
public struct ParsedMail: Decodable {
    public struct Address: Decodable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public struct Attachment: Decodable {
        public var filename: String?
        public var contentType: String
        public var params: [String: String]
        public var data: Data
    }

    public var subject: String?
    public var from: [Address]
    public var to: [Address]
    public var replyTo: [Address]
    public var messageID: String?
    public var timestamp: Double?
    public var contentType: String
    public var text: String?
    public var html: String?
    public var attachments: [Attachment]
    public var headers: [[String]]
    public var defects: [String]

    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }

    public static func parse(_ eml: Data) async throws -> ParsedMail {
        let file = try TestEnvironment.makeTemporaryDirectory().appendingPathComponent("message.eml")
        try eml.write(to: file)
        return try await parse(file: file)
    }

    public static func parse(file: URL) async throws -> ParsedMail {
        let python = try TestEnvironment.requirePython()
        let result = try await blocking { try TestEnvironment.runProcess(python, ["-c", script, file.path]) }
        guard result.status == 0 else {
            throw TestSetupError(description: "Python could not parse \(file.path): \(result.stderr)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ParsedMail.self, from: result.stdout)
    }

    private static let script = """
        import base64, email, json, sys
        from email import policy
        with open(sys.argv[1], "rb") as f:
            msg = email.message_from_binary_file(f, policy=policy.default)
        def addresses(name):
            value = msg[name]
            return [] if value is None else [
                {"name": a.display_name, "email": a.addr_spec} for a in value.addresses]
        def body(kind):
            part = msg.get_body((kind,))
            return None if part is None else part.get_content()
        date = msg["date"]
        print(json.dumps({
            "subject": None if msg["subject"] is None else str(msg["subject"]),
            "from": addresses("from"), "to": addresses("to"), "reply_to": addresses("reply-to"),
            "messageID": None if msg["message-id"] is None else str(msg["message-id"]),
            "timestamp": None if date is None or date.datetime is None else date.datetime.timestamp(),
            "content_type": msg.get_content_type(),
            "text": body("plain"), "html": body("html"),
            "attachments": [{
                "filename": p.get_filename(), "content_type": p.get_content_type(),
                "params": {k: str(v) for k, v in p["content-type"].params.items()},
                "data": base64.b64encode(p.get_payload(decode=True)).decode(),
            } for p in msg.iter_attachments()],
            "headers": [[k, str(v)] for k, v in msg.items()],
            "defects": [f"{type(d).__name__}: {d}" for part in msg.walk() for d in part.defects],
        }))
        """
}
