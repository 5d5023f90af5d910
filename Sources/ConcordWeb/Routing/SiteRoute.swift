import Foundation
import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// Every page and form target in Concord. The same case registers the route and builds its
/// links, so a link cannot point at a path nobody serves.
enum SiteRoute: Sendable {
    case home
    case healthz
    case readyz
    case metrics
    case signIn
    case signOut
    case sessionExpired
    case myWork
    case allDisputes
    case choosePartnership
    case raise(partnership: Parameter<String>)
    case dispute(Parameter<UUID>)
    case action(Parameter<UUID>, DisputeAction)
    case accessLog(Parameter<UUID>)
    case record(Parameter<UUID>)
    case recordDownload(Parameter<UUID>)
    case meetingAgenda(Parameter<UUID>)
    case meetingInvitation(Parameter<UUID>, meeting: Parameter<String>)
    case scheduledMeetingAgenda(Parameter<UUID>, meeting: Parameter<String>)
    case stageForm(Parameter<UUID>, form: Parameter<String>)
    case partnership(Parameter<String>)
    case partnershipMail(Parameter<String>)
    case reports(Parameter<String>)
    case reportCSV(Parameter<String>, table: Parameter<String>)
    case boardReport(Parameter<String>)
    case learning(Parameter<String>)
    case learningPoint(Parameter<String>, dispute: Parameter<UUID>, point: Parameter<String>)
    case learningThemes(Parameter<String>)
    case learningTheme(Parameter<String>, theme: Parameter<UUID>)
    case learningActions(Parameter<String>)
    case newLearningAction(Parameter<String>)
    case learningAction(Parameter<String>, action: Parameter<UUID>)
    case learningActionDone(Parameter<String>, action: Parameter<UUID>)
    case learningActionReopen(Parameter<String>, action: Parameter<UUID>)
    case resendMail(Parameter<String>, message: Parameter<UUID>)
    case mailSettings
    case admin
    case adminPartnership(Parameter<String>)
    case adminClosureDays(Parameter<String>)
    case adminPolicies(Parameter<String>)
    case adminPolicyVersion(Parameter<String>, sha: Parameter<String>)
    case adminPolicyMakeCurrent(Parameter<String>, sha: Parameter<String>)
    case adminAgencies
    case adminPeople
    case adminAccounts
    case adminAccount(Parameter<UUID>)
    case adminNewPartnership
    case adminRemoveClosureDay(Parameter<String>)
    case adminNewAgency
    case adminNewPerson
    case adminPerson(Parameter<UUID>)
    case adminNewAccount
    case adminAccountStatus(Parameter<UUID>)
    case adminAccountPassword(Parameter<UUID>)
    case adminSecureDomains(Parameter<String>)
    case adminPersonLead(Parameter<UUID>)
    case adminPersonCapacity(Parameter<UUID>, capacity: Parameter<String>)
    case policyEditor(Parameter<String>)
    case policyDraft(Parameter<String>, draft: Parameter<UUID>)
    case policyDraftPage(Parameter<String>, draft: Parameter<UUID>, DraftPage)
    case policyDraftStage(Parameter<String>, draft: Parameter<UUID>, stage: Parameter<String>, StagePage)
    case policyDraftStageItem(
        Parameter<String>, draft: Parameter<UUID>, stage: Parameter<String>, StageList, item: Parameter<String>,
        ItemPage)

    /// A stage's lists the editor has forms for.
    enum StageList: String, CaseIterable, Sendable {
        case clocks, routes
    }

    /// One entry of such a list: its number from 1, or "new".
    enum ItemPage: String, CaseIterable, Sendable {
        case edit, remove
    }

    /// A draft's own pages in the policy editor.
    enum DraftPage: String, CaseIterable, Sendable {
        case details, source, yaml, compare, install, delete
    }

    /// What is done to one stage of a draft; the stage is its number from 1, or "new".
    enum StagePage: String, CaseIterable, Sendable {
        case edit, quote, move, remove
    }

    private var segments: [String] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .readyz: ["readyz"]
        case .metrics: ["metrics"]
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .sessionExpired: ["session-ended"]
        case .myWork: ["my-work"]
        case .allDisputes: ["disputes"]
        case .choosePartnership: ["disputes", "new"]
        case .raise(let slug): ["disputes", "new", Self.text(slug, "partnership")]
        case .dispute(let id): ["disputes", Self.text(id, "dispute")]
        case .action(let id, let action): ["disputes", Self.text(id, "dispute"), action.rawValue]
        case .accessLog(let id): ["disputes", Self.text(id, "dispute"), "access-log"]
        case .record(let id): ["disputes", Self.text(id, "dispute"), "record"]
        case .recordDownload(let id): ["disputes", Self.text(id, "dispute"), "record", "download"]
        case .meetingAgenda(let id): ["disputes", Self.text(id, "dispute"), "meeting", "agenda"]
        case .meetingInvitation(let id, let meeting):
            ["disputes", Self.text(id, "dispute"), "meetings", Self.text(meeting, "meeting"), "invitation.ics"]
        case .scheduledMeetingAgenda(let id, let meeting):
            ["disputes", Self.text(id, "dispute"), "meetings", Self.text(meeting, "meeting"), "agenda"]
        case .stageForm(let id, let form): ["disputes", Self.text(id, "dispute"), "forms", Self.text(form, "form")]
        case .partnership(let slug): ["partnerships", Self.text(slug, "partnership")]
        case .partnershipMail(let slug): ["partnerships", Self.text(slug, "partnership"), "email"]
        case .reports(let slug): ["partnerships", Self.text(slug, "partnership"), "reports"]
        case .reportCSV(let slug, let table):
            ["partnerships", Self.text(slug, "partnership"), "reports", "csv", Self.text(table, "table")]
        case .boardReport(let slug): ["partnerships", Self.text(slug, "partnership"), "reports", "board"]
        case .learning(let slug): ["partnerships", Self.text(slug, "partnership"), "learning"]
        case .learningPoint(let slug, let dispute, let point):
            [
                "partnerships", Self.text(slug, "partnership"), "learning", "disputes", Self.text(dispute, "dispute"),
                Self.text(point, "point"),
            ]
        case .learningThemes(let slug): ["partnerships", Self.text(slug, "partnership"), "learning", "themes"]
        case .learningTheme(let slug, let theme):
            ["partnerships", Self.text(slug, "partnership"), "learning", "themes", Self.text(theme, "theme")]
        case .learningActions(let slug): ["partnerships", Self.text(slug, "partnership"), "learning", "actions"]
        case .newLearningAction(let slug):
            ["partnerships", Self.text(slug, "partnership"), "learning", "actions", "new"]
        case .learningAction(let slug, let action):
            ["partnerships", Self.text(slug, "partnership"), "learning", "actions", Self.text(action, "action")]
        case .learningActionDone(let slug, let action):
            [
                "partnerships", Self.text(slug, "partnership"), "learning", "actions", Self.text(action, "action"),
                "done",
            ]
        case .learningActionReopen(let slug, let action):
            [
                "partnerships", Self.text(slug, "partnership"), "learning", "actions", Self.text(action, "action"),
                "reopen",
            ]
        case .resendMail(let slug, let message):
            ["partnerships", Self.text(slug, "partnership"), "email", Self.text(message, "message"), "resend"]
        case .mailSettings: ["settings", "email"]
        case .admin: ["admin"]
        case .adminPartnership(let slug): ["admin", "partnerships", Self.text(slug, "partnership")]
        case .adminClosureDays(let slug): ["admin", "partnerships", Self.text(slug, "partnership"), "closure-days"]
        case .adminPolicies(let slug): ["admin", "partnerships", Self.text(slug, "partnership"), "policies"]
        case .adminPolicyVersion(let slug, let sha):
            ["admin", "partnerships", Self.text(slug, "partnership"), "policies", Self.text(sha, "sha")]
        case .adminPolicyMakeCurrent(let slug, let sha):
            [
                "admin", "partnerships", Self.text(slug, "partnership"), "policies", Self.text(sha, "sha"),
                "make-current",
            ]
        case .adminAgencies: ["admin", "agencies"]
        case .adminPeople: ["admin", "people"]
        case .adminAccounts: ["admin", "accounts"]
        case .adminAccount(let id): ["admin", "accounts", Self.text(id, "account")]
        case .adminNewPartnership: ["admin", "partnerships", "new"]
        case .adminRemoveClosureDay(let slug):
            ["admin", "partnerships", Self.text(slug, "partnership"), "closure-days", "remove"]
        case .adminNewAgency: ["admin", "agencies", "new"]
        case .adminNewPerson: ["admin", "people", "new"]
        case .adminPerson(let id): ["admin", "people", Self.text(id, "person")]
        case .adminNewAccount: ["admin", "accounts", "new"]
        case .adminAccountStatus(let id): ["admin", "accounts", Self.text(id, "account"), "status"]
        case .adminAccountPassword(let id): ["admin", "accounts", Self.text(id, "account"), "password"]
        case .adminSecureDomains(let slug): ["admin", "partnerships", Self.text(slug, "partnership"), "secure-domains"]
        case .adminPersonLead(let id): ["admin", "people", Self.text(id, "person"), "designated-lead"]
        case .adminPersonCapacity(let id, let capacity):
            ["admin", "people", Self.text(id, "person"), "capacities", Self.text(capacity, "capacity")]
        case .policyEditor(let slug): ["partnerships", Self.text(slug, "partnership"), "policy-editor"]
        case .policyDraft(let slug, let draft):
            ["partnerships", Self.text(slug, "partnership"), "policy-editor", Self.text(draft, "draft")]
        case .policyDraftPage(let slug, let draft, let page):
            ["partnerships", Self.text(slug, "partnership"), "policy-editor", Self.text(draft, "draft"), page.rawValue]
        case .policyDraftStage(let slug, let draft, let stage, let page):
            [
                "partnerships", Self.text(slug, "partnership"), "policy-editor", Self.text(draft, "draft"), "stages",
                Self.text(stage, "stage"), page.rawValue,
            ]
        case .policyDraftStageItem(let slug, let draft, let stage, let list, let item, let page):
            [
                "partnerships", Self.text(slug, "partnership"), "policy-editor", Self.text(draft, "draft"), "stages",
                Self.text(stage, "stage"), list.rawValue, Self.text(item, "item"), page.rawValue,
            ]
        }
    }

    private static func text<Value>(_ parameter: Parameter<Value>, _ key: String) -> String {
        switch parameter {
        case .key: ":\(key)"
        case .value(let value): "\(value)".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
        }
    }

    /// The link to this page.
    var path: String { "/" + segments.joined(separator: "/") }

    /// How Vapor matches this route.
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
}

extension RoutesBuilder {
    @discardableResult
    func get(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        get(route.pathComponents, use: handler)
    }

    @discardableResult
    func post(
        _ route: SiteRoute, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        post(route.pathComponents, use: handler)
    }
}

extension Request {
    func uuid(_ key: String) throws -> UUID {
        guard let text = parameters.get(key), let id = UUID(uuidString: text) else { throw Abort(.notFound) }
        return id
    }

    func redirect(to route: SiteRoute) -> Response {
        redirect(to: route.path, redirectType: .normal)
    }
}
