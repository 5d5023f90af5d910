import Vapor

/// Messages shown once after a redirect. Only a fixed code travels in the address, never
/// anything someone typed.
enum NoticeCode: String {
    case raised
    case recorded
    case duplicate
    case saved
    case resent

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
        }
    }
}

extension Request {
    var notice: Notice? {
        (try? query.get(String.self, at: "done")).flatMap(NoticeCode.init(rawValue:))?.notice
    }

    func redirect(to route: SiteRoute, notice: NoticeCode) -> Response {
        redirect(to: route.path + "?done=\(notice.rawValue)", redirectType: .normal)
    }
}
