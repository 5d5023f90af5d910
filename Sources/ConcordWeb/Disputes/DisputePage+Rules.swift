import ConcordCore

extension DisputePage {
    /// A timescale met by a recorded step ("contact will need to be established … within 5
    /// working days") shows as something to do, done on the day it was met; documents the
    /// protocol says to use show at the stages they apply to.
    static func stageClockRequirements(
        _ visit: DisputeState.StageVisit, stage: Stage, policy: Policy
    ) -> [Requirement] {
        var items: [Requirement] = []
        if let route = stage.routes.first(where: { $0.id == visit.route }) {
            items.append(
                Requirement(
                    name: "\(route.name) route: within \(route.timescale.phrase)"
                        + (route.participants.isEmpty
                            ? "" : ", with " + route.participants.map(\.description).joined(separator: "; ")),
                    hint: route.when ?? route.quote,
                    status: "Taken", done: true))
        }
        if let timescale = policy.effectiveTimescale(at: visit), let metBy = timescale.metBy {
            let name =
                switch metBy {
                case .firstContact: "Make first contact"
                case .meetingOffered: "Offer the \(stage.meeting?.name.lowercased() ?? "meeting")"
                case .lineManagerInvolved: "Involve a line manager if it cannot be settled"
                }
            let status = visit.metOn.map { "Done \(Formatting.date($0))" } ?? "Within \(timescale.phrase)"
            items.append(Requirement(name: name, hint: timescale.quote, status: status, done: visit.metOn != nil))
        }
        for clock in stage.clocks {
            let run = visit.clocks.first { $0.started.clock == clock.id }
            let status =
                run?.metOn.map { "Done \(Formatting.date($0))" }
                ?? run.map { "Due \(Formatting.date($0.started.due))" }
                ?? "Within \(clock.description(in: stage))"
            items.append(Requirement(name: clock.name, hint: clock.quote, status: status, done: run?.metOn != nil))
        }
        if let agreed = visit.agreedTimescale {
            items.append(
                Requirement(
                    name: "Agreed timescale: \(agreed.workingDays) working day\(agreed.workingDays == 1 ? "" : "s")",
                    hint: agreed.reason, status: "Agreed", done: true))
            if let response = agreed.response {
                let days = "\(response.workingDays) working day\(response.workingDays == 1 ? "" : "s")"
                items.append(
                    Requirement(
                        name: "Response from \(response.from.name) within \(days)",
                        hint: nil,
                        status: visit.responseGivenOn.map { "Given \(Formatting.date($0))" }
                            ?? "Due \(Formatting.date(response.due))",
                        done: visit.responseGivenOn != nil))
            }
        }
        for document in policy.referenceDocuments where document.applies(to: stage.id) {
            items.append(
                Requirement(
                    name: "Use the \(document.title)" + (document.address.map { " (\($0))" } ?? ""),
                    hint: document.quote, status: "Guidance", done: true))
        }
        for participant in stage.participants {
            guard let condition = participant.onlyIf else { continue }
            items.append(
                Requirement(
                    name: "\(participant.title ?? participant.level.displayName) takes part only if \(condition)",
                    hint: nil, status: "Where it applies", done: true))
        }
        for kind in stage.mayRecord {
            let done = visit.hasRecord(kind)
            items.append(
                Requirement(
                    name: "Record \(Formatting.record(kind)) where it applies", hint: nil,
                    status: done ? "Completed" : "Optional", done: done))
        }
        return items
    }

    /// Oldham's IRO "if involving a child who is looked after": needed at the resolution meeting,
    /// shown once a meeting is part of the stage.
    static func meetingParticipantRequirements(
        _ state: DisputeState, policy: Policy, stage: Stage
    ) -> [Requirement] {
        var items: [Requirement] = []
        for rule in policy.rules {
            guard case .meetingParticipant(let capacity, let condition, let at) = rule.kind, at == stage.id else {
                continue
            }
            if let condition, !condition.holds(flags: state.childFlags, category: state.raised.category) { continue }
            let minutes = state.currentStage.minutes
            let missing = state.latestMinutes(without: capacity) != nil
            let present = !minutes.isEmpty && !missing
            let status =
                minutes.isEmpty
                ? "Needed if a \(stage.meeting?.name.lowercased() ?? "meeting") is held"
                : (missing ? "Not at the meeting" : "Completed")
            items.append(
                Requirement(
                    name:
                        "Involve the \(Formatting.capacity(capacity).lowercased()) in the \(stage.meeting?.name.lowercased() ?? "meeting")",
                    hint: rule.quote, status: status, done: present && !missing))
        }
        return items
    }
}
