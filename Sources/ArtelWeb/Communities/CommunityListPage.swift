public import ArtelCore
public import ArtelStore
import Foundation

/// The public communities (`/communities`): a search by name, and each community's kind, area,
/// topics, language and number of public leaders.
public enum CommunityListPage: Sendable {
    /// Communities a page shows.
    public static let pageSize = 50

    /// What a visitor asked for: the words of the name, and the page.
    public struct Search: Sendable, Equatable {
        /// Words of the name.
        public var text = ""
        /// The page, from 1.
        public var page = 1

        /// The search a request's parameters ask for; unknown ones are ignored.
        public init(_ parameters: [(name: String, value: String)]) {
            for (name, raw) in parameters {
                let value = raw.trimmingCharacters(in: .whitespaces)
                switch name {
                case "q": text = String(value.prefix(200))
                case "page": page = max(1, min(Int(value) ?? 1, 100_000))
                default: continue
                }
            }
        }

        /// The query of a page of public communities.
        public var query: RecordQuery {
            var query = RecordQuery(kind: .community)
            query.text = text.isEmpty ? nil : text
            query.visibilities = [.public]
            query.limit = pageSize
            query.offset = (page - 1) * pageSize
            return query
        }
    }

    /// The page.
    ///
    /// - Parameters:
    ///   - communities: the page of communities found, in order.
    ///   - total: how many were found in all.
    ///   - leaders: the number of public leaders of each community.
    public static func render(
        _ frame: PageFrame,
        search: Search,
        communities: [CommunityProfile],
        total: Int,
        leaders: [PublicKey: Int]
    ) -> SitePage {
        let words = frame.words
        var content: [String: Any] = [
            "q": search.text,
            "found": words.count("communities.found", total),
            "communities": communities.map { $0.card(leaders: leaders[$0.key] ?? 0, frame) },
        ]
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        if pageCount > 1 {
            var pages: [String: Any] = [
                "position": words["pages.of"].replacingOccurrences(of: "{page}", with: "\(search.page)")
                    .replacingOccurrences(of: "{pages}", with: "\(pageCount)")
            ]
            if search.page > 1 {
                pages["previous"] = frame.link(replacing: ["page": search.page == 2 ? nil : String(search.page - 1)])
            }
            if search.page < pageCount { pages["next"] = frame.link(replacing: ["page": String(search.page + 1)]) }
            content["pages"] = pages
        }
        return SitePage.render("communities", frame.context(title: words["communities.title"], content: content))
    }
}
