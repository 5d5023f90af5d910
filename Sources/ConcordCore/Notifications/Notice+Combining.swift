extension Notice {
    /// One message for a person whom several notices of one step reach (raising a dispute that
    /// also reports significant harm): urgent first, its subject and kind, and everything each
    /// notice says, once.
    public static func combining(_ notices: [Notice]) -> Notice? {
        let ordered = notices.filter(\.urgent) + notices.filter { !$0.urgent }
        guard var combined = ordered.first else { return nil }
        for notice in ordered.dropFirst() {
            let content = notice.content
            combined.content.lead += " " + content.lead
            for fact in content.facts where !combined.content.facts.contains(fact) {
                combined.content.facts.append(fact)
            }
            for section in content.details where !combined.content.details.contains(section) {
                combined.content.details.append(section)
            }
            for child in content.children where !combined.content.children.contains(child) {
                combined.content.children.append(child)
            }
            for item in content.identifying where !combined.content.identifying.contains(item) {
                combined.content.identifying.append(item)
            }
            if let action = content.action, action != combined.content.action {
                combined.content.action = [combined.content.action, action].compactMap { $0 }.joined(separator: " ")
            }
            combined.invitation = combined.invitation ?? notice.invitation
        }
        return combined
    }
}
