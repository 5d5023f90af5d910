import ConcordCore

/// A policy in plain words, for `concord policy show`.
enum PolicyDescription {
    static func text(_ policy: Policy) -> String {
        var lines = [
            "\(policy.partnership): \(policy.name) (\(policy.id))",
            "Region: \(policy.region.displayName) · Scope: \(policy.scope.rawValue)"
                + (policy.source.map { " · Source: \($0)" } ?? ""),
        ]
        if policy.scope == .practice {
            lines.append("About: " + policy.subjects.map(\.noun).joined(separator: ", "))
        }
        if let appliesTo = policy.appliesTo { lines.append("Applies to: \(appliesTo)") }
        if let from = policy.effectiveFrom { lines.append("Takes effect: \(from.iso)") }
        if let summary = policy.summary { lines += ["", summary] }
        if let limit = policy.stageLimit { lines.append("Each stage without its own timescale: \(phrase(limit))") }
        if let acknowledgement = policy.acknowledgement {
            lines.append("Acknowledgement at \(acknowledgement.stage): \(phrase(acknowledgement.timescale))")
        }
        if let overall = policy.overall { lines.append("Whole process: \(phrase(overall))") }
        for (index, stage) in policy.stages.enumerated() {
            lines += ["", "\(index + 1). \(stage.title) [\(stage.id)]"]
            lines += describe(stage, policy).map { "   " + $0 }
        }
        if !policy.rules.isEmpty {
            lines += ["", "Rules:"]
            lines += policy.rules.map { "  - " + describe($0) }
        }
        if !policy.externalRoutes.isEmpty {
            lines += ["", "After the last stage:"]
            lines += policy.externalRoutes.map { "  - \($0.name) (\($0.kind.rawValue))" }
        }
        return lines.joined(separator: "\n")
    }

    static func phrase(_ timescale: Timescale) -> String {
        timescale.description
    }

    private static func describe(_ stage: Stage, _ policy: Policy) -> [String] {
        var lines = [stage.summary]
        let people = stage.participants.map { participant in
            let name = participant.description
            let capacity = participant.capacity.map { ", \($0.rawValue)" } ?? ""
            return "\(name) (\(participant.level.rawValue)\(capacity), \(participant.side.rawValue))"
        }
        lines.append("Who: " + people.joined(separator: "; "))
        if let timescale = stage.timescale {
            lines.append("Timescale: " + phrase(timescale))
        } else if let limit = policy.stageLimit {
            lines.append("Timescale: none of its own; the protocol-wide limit applies: " + phrase(limit))
        } else {
            lines.append("Timescale: none set by the protocol")
        }
        if stage.notYetAvailable { lines.append("The protocol's text for this stage is not yet available") }
        for route in stage.routes {
            lines.append(
                "Route: \(route.name): " + phrase(route.timescale) + (route.when.map { " (\($0))" } ?? "")
                    + (route.participants.isEmpty
                        ? "" : "; who: " + route.participants.map(\.description).joined(separator: "; ")))
        }
        for clock in stage.clocks {
            lines.append(
                "Clock: \(clock.name): \(clock.description(in: stage)) (\(clock.kind.rawValue), by \(clock.by.rawValue))"
            )
        }
        if let contact = stage.contact {
            var text = "Contact: " + contact.methods.map(\.rawValue).joined(separator: ", ")
            if !contact.discouraged.isEmpty {
                text += "; discouraged: " + contact.discouraged.map(\.rawValue).joined(separator: ", ")
            }
            lines.append(text)
        }
        let required = stage.records.map(\.rawValue) + stage.customRecords.filter(\.required).map { "\"\($0.title)\"" }
        if !required.isEmpty { lines.append("Records to leave the stage: " + required.joined(separator: ", ")) }
        let optional =
            stage.mayRecord.map(\.rawValue) + stage.customRecords.filter { !$0.required }.map { "\"\($0.title)\"" }
        if !optional.isEmpty { lines.append("May record: " + optional.joined(separator: ", ")) }
        if !stage.inform.isEmpty {
            lines.append("Told, not taking part: " + stage.inform.map(\.level.rawValue).joined(separator: ", "))
        }
        if let subject = stage.confirmationSubject { lines.append("Confirmation subject: \"\(subject)\"") }
        if let meeting = stage.meeting {
            let templates =
                meeting.templates.isEmpty
                ? "" : "; templates: " + meeting.templates.map(\.rawValue).joined(separator: ", ")
            let chair = meeting.chair.map { "; chaired by \($0.rawValue)" } ?? ""
            lines.append(
                "Meeting: \(meeting.name) (\(meeting.required ? "required" : "if needed")\(chair)\(templates))")
        }
        for form in stage.forms { lines.append("Form: \(form.title) [\(form.id)]") }
        return lines
    }

    private static func describe(_ rule: PolicyRule) -> String {
        switch rule.kind {
        case .riskEscalation(let to):
            return "If risk to the child escalates, go straight to stage \(to)"
        case .significantHarmNotification(let notify):
            return "If a child may be suffering significant harm, tell at once: "
                + notify.map(\.rawValue).joined(separator: ", ")
        case .requiredParticipant(let capacity, let condition, let stages):
            return "\(when(condition) ?? "A") \(capacity.rawValue) must take part before leaving stage "
                + stages.joined(separator: ", ")
        case .reviewConsideration(let stage, let review):
            return "When stage \(stage) is reached, decide whether to hold a \(review)"
        case .meetingParticipant(let capacity, let condition, let stage):
            return "\(when(condition) ?? "A") \(capacity.rawValue) must be at stage \(stage)'s meeting, if one is held"
        }
    }

    private static func when(_ condition: Condition?) -> String? {
        condition.map { condition in
            "When "
                + (condition.child.map { "the child is \($0.rawValue)" }
                + condition.category.map { "the category is \($0.rawValue)" }).joined(separator: " or ")
                + ", a"
        }
    }
}
