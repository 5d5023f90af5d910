import ConcordCore
import ConcordStore
import Vapor

/// A partnership's policy versions: every one kept and viewable, the newest current unless an
/// earlier one was made current again, and new ones uploaded as pasted YAML or a file and
/// checked strictly before they are installed.
struct AdminPolicies: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.adminPolicies(.key), use: list)
        // The policy checker refuses hidden characters at their line and column.
        routes.checkingAnswers.post(.adminPolicies(.key), use: upload)
        routes.get(.adminPolicyVersion(.key, sha: .key), use: version)
        routes.post(.adminPolicyMakeCurrent(.key, sha: .key), use: makeCurrent)
    }

    struct Upload: Content {
        var yaml: String?
        var file: File?
        /// The protocol's own text, pasted or as a file; when given, every quote is checked in it.
        var source: String?
        var sourceFile: File?
    }

    struct VersionRow: Encodable {
        var sha: String
        var href: String
        var policyID: String
        var installed: String
        var reinstated: String?
        var current: Bool
        var makeCurrentHref: String
    }

    struct PoliciesPage: Encodable {
        var partnership: String
        var backHref: String
        var postHref: String
        var versions: [VersionRow]
        var hasVersions: Bool
        var yaml: String
        var yamlError: String?
        var problems: [String]
        var hasProblems: Bool
        var fileFields: [FormField]
        var sourceFields: [FormField]
        var errors: FormErrors
        var hasErrors: Bool
    }

    /// Shown after an upload identical to the current version.
    static let unchanged = Notice(
        success: false, heading: "Nothing changed",
        text: "That policy is exactly the same as a version already installed, so no new version was made.")

    /// Shown after an upload identical to an earlier version: it is not made current by that.
    static let earlier = Notice(
        success: false, heading: "Nothing changed",
        text:
            "That policy is exactly the same as an earlier version, which is not current. To use it again, choose ‘Make current’ beside it."
    )

    @Sendable func list(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let done = try? request.query.get(String.self, at: "done")
        let notice =
            switch done {
            case "unchanged": Self.unchanged
            case "earlier": Self.earlier
            case "current": Self.madeCurrent
            default: request.notice
            }
        return try await render(request, partnership, yaml: "", errors: FormErrors(), problems: [], notice: notice)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let partnership = try await request.adminPartnership()
        let sent = try request.content.decode(Upload.self)
        let pasted = Self.lines(sent.yaml ?? "")
        var errors = FormErrors()
        var text = pasted
        var file = "pasted policy"
        if let upload = sent.file, upload.data.readableBytes > 0 {
            guard let content = String(bytes: Array(upload.data.readableBytesView), encoding: .utf8) else {
                errors.add("file", "The selected file must be a text file in UTF-8")
                return try await render(request, partnership, yaml: pasted, errors: errors, problems: [])
            }
            if !pasted.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.add("file", "Either paste a policy or choose a file, not both")
                return try await render(request, partnership, yaml: pasted, errors: errors, problems: [])
            }
            text = Self.lines(content)
            file = upload.filename.isEmpty ? "uploaded policy" : upload.filename
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("yaml", "Paste a policy or choose a policy file")
            return try await render(request, partnership, yaml: "", errors: errors, problems: [])
        }
        let source = Self.lines(sent.source ?? "")
        var sources: [SourceText] = []
        if let upload = sent.sourceFile, upload.data.readableBytes > 0 {
            guard let content = String(bytes: Array(upload.data.readableBytesView), encoding: .utf8) else {
                errors.add("sourceFile", "The protocol's text must be a text file in UTF-8")
                return try await render(request, partnership, yaml: text, source: source, errors: errors, problems: [])
            }
            sources.append(
                SourceText(name: upload.filename.isEmpty ? "the protocol's text" : upload.filename, text: content))
        }
        if !source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sources.append(SourceText(name: "the protocol's text", text: source))
        }
        let before = Set(try await request.concord.directory.policyVersions(partnership: partnership.id).map(\.sha256))
        do {
            let sha = try await request.concord.directory.installPolicy(
                text, file: file, partnership: partnership.id, at: request.now, sources: sources)
            let path = SiteRoute.adminPolicies(.value(partnership.slug)).path
            var done = "saved"
            if before.contains(sha) {
                let current = try await request.concord.directory.currentPolicies(
                    partnership: partnership.id, on: LondonTime.date(of: request.now))
                done = current.contains { $0.version == sha } ? "unchanged" : "earlier"
            }
            return request.redirect(to: path + "?done=" + done, redirectType: .normal)
        } catch let found as DocumentProblems {
            let problems = found.problems.map(Self.describe)
            for problem in problems { errors.items.append(.init(field: "yaml", message: problem)) }
            return try await render(
                request, partnership, yaml: text, source: source, errors: errors, problems: problems)
        } catch let problem as DocumentProblem {
            errors.add("yaml", Self.describe(problem))
            return try await render(request, partnership, yaml: text, source: source, errors: errors, problems: [])
        } catch StoreError.regionMismatch(let policy, let owner) {
            let name = { (raw: String) in Region(rawValue: raw)?.displayName ?? raw }
            errors.add(
                "yaml",
                "The policy counts working days on the \(name(policy)) calendar, but \(partnership.name) is in "
                    + name(owner))
            return try await render(request, partnership, yaml: text, source: source, errors: errors, problems: [])
        }
    }

    /// "Line 12, column 5: stages[1].timescale: must be …"
    static func describe(_ problem: DocumentProblem) -> String {
        var parts: [String] = []
        if let line = problem.line {
            parts.append(problem.column.map { "Line \(line), column \($0)" } ?? "Line \(line)")
        }
        if !problem.field.isEmpty { parts.append(problem.field) }
        parts.append(problem.message)
        return FormErrors.sentence(parts.joined(separator: ": "))
    }

    /// Browsers send a textarea's lines ending in CR LF; the same policy pasted or uploaded
    /// should be the same version.
    static func lines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private func render(
        _ request: Request, _ partnership: Directory.Partnership, yaml: String, source: String = "",
        errors: FormErrors, problems: [String], notice: Notice? = nil
    ) async throws -> Response {
        let versions = try await request.concord.directory.policyVersions(partnership: partnership.id)
        // Each procedure's version in effect today is current; one installed ahead of its date waits.
        let current = Set(
            try await request.concord.directory.currentPolicies(
                partnership: partnership.id, on: LondonTime.date(of: request.now)
            ).map(\.version))
        let slug = Parameter<String>.value(partnership.slug)
        let rows = versions.map { version in
            VersionRow(
                sha: String(version.sha256.prefix(12)),
                href: SiteRoute.adminPolicyVersion(slug, sha: .value(version.sha256)).path, policyID: version.policyID,
                installed: Formatting.time(version.installedAt), reinstated: Self.reinstated(version),
                current: current.contains(version.sha256),
                makeCurrentHref: SiteRoute.adminPolicyMakeCurrent(slug, sha: .value(version.sha256)).path)
        }
        var fields = [
            FormField(.textarea, name: "yaml", label: "Paste the policy"),
            FormField(.file, name: "file", label: "Or choose a policy file", hint: "A .yaml file"),
            FormField(
                .textarea, name: "source", label: "The protocol's own text (optional)",
                hint:
                    "Paste the protocol document's text to check that every quote in the policy is in it word for word",
                value: source),
            FormField(.file, name: "sourceFile", label: "Or choose the protocol's text", hint: "A .txt file, UTF-8"),
        ]
        let linked = errors.apply(to: &fields)
        let yamlError =
            problems.count > 1 ? "The policy has \(problems.count) problems, listed below" : fields[0].error
        let page = PoliciesPage(
            partnership: partnership.name, backHref: SiteRoute.adminPartnership(slug).path,
            postHref: SiteRoute.adminPolicies(slug).path, versions: rows, hasVersions: !rows.isEmpty, yaml: yaml,
            yamlError: yamlError, problems: problems, hasProblems: problems.count > 1, fileFields: [fields[1]],
            sourceFields: Array(fields[2...]),
            errors: linked, hasErrors: !linked.isEmpty)
        return try await request.page(
            "admin/policies", title: (errors.isEmpty ? "" : "Error: ") + "Policies", page,
            status: errors.isEmpty ? .ok : .unprocessableEntity, notice: notice)
    }
}
