import ConcordCore

/// The question "which route?" for a stage that offers an urgent route (or others) beside its
/// own timescale: the standard route first and chosen unless another is.
enum RouteChoice {
    static func field(for stage: Stage, policy: Policy, chosen: String) -> FormField? {
        guard !stage.routes.isEmpty else { return nil }
        let standard = policy.effectiveTimescale(of: stage).map { "Within \($0.phrase)" } ?? "No timescale is set"
        return FormField(
            .radios, name: "route", label: "Which route does \(stage.title) take?",
            options: [.option("", "Standard", hint: standard, selected: chosen.isEmpty)]
                + stage.routes.map { route in
                    .option(
                        route.id, route.name,
                        hint: ([route.when].compactMap { $0 } + ["Within \(route.timescale.phrase)"]
                            + (route.participants.isEmpty
                                ? [] : ["Who: " + route.participants.map(\.description).joined(separator: "; ")]))
                            .joined(separator: ". "),
                        selected: chosen == route.id)
                })
    }

    /// The route chosen in a form: nil for the standard one.
    static func chosen(_ sent: FormValues) -> String? { sent.optional("route") }
}
