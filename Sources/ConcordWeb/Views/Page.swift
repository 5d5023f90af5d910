import ConcordStore
import Vapor

/// What every page's layout shows: its title, who is signed in, and where they can go.
struct Layout: Encodable {
    struct NavItem: Encodable {
        var label: String
        var href: String
        var active: Bool
    }

    var title: String
    var accountName: String?
    var roleName: String?
    var nav: [NavItem]
    var csrf: String
    var stylesheet: String
    var signOut: String
    var notice: Notice?
}

/// A notification banner shown at the top of the page.
struct Notice: Encodable {
    var success: Bool
    var heading: String
    var text: String?
}

struct Link: Encodable {
    var text: String
    var href: String
}

struct MessagePage: Encodable {
    var heading: String
    var paragraphs: [String]
    var link: Link?
}

private struct PageContext<Content: Encodable>: Encodable {
    var layout: Layout
    var page: Content
}

extension Request {
    /// Renders a view inside the layout. `title` goes in the browser tab and history, so it
    /// must never carry a child's details.
    func page<Content: Encodable>(
        _ view: String, title: String, _ content: Content, status: HTTPStatus = .ok, notice: Notice? = nil
    ) async throws -> Response {
        let layout = Layout(
            title: title, accountName: account?.name, roleName: account?.role.displayName, nav: navigation(),
            csrf: try await csrfToken(), stylesheet: AssetMiddleware.stylesheetPath, signOut: SiteRoute.signOut.path,
            notice: notice)
        let view = try await self.view.render(view, PageContext(layout: layout, page: content))
        let response = try await view.encodeResponse(for: self)
        response.status = status
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        clearOnceNotice(response)
        return response
    }

    private func navigation() -> [Layout.NavItem] {
        guard let account else { return [] }
        var items: [(String, SiteRoute)] = []
        switch account.role {
        case .administrator:
            items.append(("Administration", .admin))
        case .businessOffice, .scrutineer, .auditor:
            items.append(("My work", .myWork))
            items.append(("All disputes", .allDisputes))
            if let slug = partnershipSlug {
                items.append(("Partnership overview", .partnership(.value(slug))))
                items.append(("Reports", .reports(.value(slug))))
                items.append(("Learning", .learning(.value(slug))))
                items.append(("E-mail", .partnershipMail(.value(slug))))
                if account.role == .businessOffice { items.append(("Policy editor", .policyEditor(.value(slug)))) }
            }
            items.append(("E-mail settings", .mailSettings))
        case .practitioner, .manager, .seniorManager:
            items.append(("My work", .myWork))
            items.append(("All disputes", .allDisputes))
            items.append(("Raise a dispute", .choosePartnership))
            items.append(("E-mail settings", .mailSettings))
        }
        let path = url.path
        return items.map { label, route in
            Layout.NavItem(label: label, href: route.path, active: path == route.path)
        }
    }

    /// Set by handlers that know the account's partnership slug, for the navigation.
    var partnershipSlug: String? {
        get { storage[SlugKey.self] }
        set { storage[SlugKey.self] = newValue }
    }

    private struct SlugKey: StorageKey { typealias Value = String }
}
