import Vapor

/// Messages shown once after a redirect. Only a fixed code travels in the address, never
/// anything someone typed.
enum NoticeCode: String {
    static let cookieName = "concord-notice"

    case raised
    case recorded
    case duplicate
    case saved
    case resent
    case installed
    case deleted

    var notice: Notice {
        switch self {
        case .raised: Notice(success: true, heading: "Dispute raised", text: "Everyone named has been added to it.")
        case .recorded: Notice(success: true, heading: "Saved to the dispute's record", text: nil)
        case .duplicate:
            Notice(
                success: false, heading: "That form was already submitted",
                text: "It was saved once; submitting it again changed nothing.")
        case .saved: Notice(success: true, heading: "Changes saved", text: nil)
        case .resent: Notice(success: true, heading: "The message will be sent again", text: "It is back in the queue.")
        case .installed:
            Notice(
                success: true, heading: "Policy installed",
                text: "Disputes raised from its effective date follow it; disputes already running keep their version.")
        case .deleted: Notice(success: true, heading: "Draft deleted", text: nil)
        }
    }
}

extension Request {
    var notice: Notice? {
        let code = (try? query.get(String.self, at: "done")) ?? cookies[NoticeCode.cookieName]?.string
        return code.flatMap(NoticeCode.init(rawValue:))?.notice
    }

    /// Raising ends on the dispute's own address, so reloading it shows the dispute and never
    /// "Dispute raised" again, as if the form had been sent twice: the notice's code travels
    /// once, in a short-lived cookie the next page clears.
    func redirect(to route: SiteRoute, onceNotice notice: NoticeCode) -> Response {
        let response = redirect(to: route.path, redirectType: .normal)
        response.cookies[NoticeCode.cookieName] = HTTPCookies.Value(
            string: notice.rawValue, maxAge: 60, path: "/", isSecure: concord.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Clears a notice carried by cookie once a page has shown it.
    func clearOnceNotice(_ response: Response) {
        guard cookies[NoticeCode.cookieName] != nil else { return }
        response.cookies[NoticeCode.cookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: concord.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    func redirect(to route: SiteRoute, notice: NoticeCode) -> Response {
        redirect(to: route.path + "?done=\(notice.rawValue)", redirectType: .normal)
    }
}
