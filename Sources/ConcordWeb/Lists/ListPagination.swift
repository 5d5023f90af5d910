import ConcordStore
import Foundation

/// GOV.UK's previous and next links for a paged list. A search is never put in a link,
/// so while one is in force each link is a button that posts the search again.
struct ListPagination: Encodable {
    struct Step: Encodable {
        var href: String
        /// The hidden fields to post instead of following `href`, during a search.
        var fields: [Hidden]
    }

    struct Hidden: Encodable {
        var name: String
        var value: String
    }

    var previous: Step?
    var next: Step?
    var hasLinks: Bool
    var posts: Bool
    var action: String

    init(page: DisputeListPage, request list: ListRequest, path: String) {
        let base = list.parameters
        let posts = !list.query.text.isEmpty
        func step(_ name: String, _ cursor: DisputeCursor?) -> Step? {
            guard let cursor else { return nil }
            let parameters = base + [(name, cursor.text)]
            let fields = posts ? (parameters + [("q", list.query.text)]).map { Hidden(name: $0.0, value: $0.1) } : []
            return Step(href: path + ListRequest.queryString(parameters), fields: fields)
        }
        previous = step("before", page.previous)
        next = step("after", page.next)
        hasLinks = previous != nil || next != nil
        self.posts = posts
        action = path
    }
}

extension ListPagination {
    /// Links to the pages before and after, by the parameters that ask for them.
    init(path: String, previous: [(String, String)]?, next: [(String, String)]?) {
        self.previous = previous.map { Step(href: path + ListRequest.queryString($0), fields: []) }
        self.next = next.map { Step(href: path + ListRequest.queryString($0), fields: []) }
        hasLinks = previous != nil || next != nil
        posts = false
        action = path
    }
}
