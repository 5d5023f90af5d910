import Yams

extension PolicyReader {
    /// `confirmations:` must say something: what confirmations carry, who else receives them,
    /// or both, each listed once.
    static func readConfirmations(_ node: Node, _ reader: NodeReader) -> Confirmations? {
        guard
            let fields = reader.mapping(node, "confirmations", required: [], optional: ["include", "copy_to", "quote"])
        else { return nil }
        let include = reader.list(fields["include"], fields.field("include")) {
            reader.choice($0, $1, of: Confirmations.Part.self)
        }
        let copyTo = reader.list(fields["copy_to"], fields.field("copy_to")) {
            reader.choice($0, $1, of: RoleLevel.self)
        }
        let quote = fields["quote"].flatMap { reader.quote($0, fields.field("quote")) }
        if fields["include"] == nil && fields["copy_to"] == nil {
            reader.report(
                node, "confirmations", "expected \"include\" or \"copy_to\" (or both) to say what confirmations do")
            return nil
        }
        for (key, values) in [("include", include.map(\.rawValue)), ("copy_to", copyTo.map(\.rawValue))] {
            var seen: Set<String> = []
            for value in values where !seen.insert(value).inserted {
                reader.report(fields[key], fields.field(key), "\"\(value)\" is listed twice")
            }
        }
        return Confirmations(include: include, copyTo: copyTo, quote: quote)
    }

    /// A mapping holding only the protocol's words, so the stage says where the duty comes from.
    static func readLineManagerNotice(_ node: Node, _ path: String, _ reader: NodeReader) -> LineManagerNotice? {
        guard let fields = reader.mapping(node, path, required: ["quote"]) else { return nil }
        guard let quote = fields["quote"].flatMap({ reader.quote($0, fields.field("quote")) }) else { return nil }
        return LineManagerNotice(quote: quote)
    }
}
