public import ArtelCore
public import ArtelStore
import Foundation

/// A community's public profile as the site shows it: every field of its `community` record.
public struct CommunityProfile: Sendable, Equatable {
    /// The community's key, which names it in every address.
    public let key: PublicKey
    /// Its name; the start of its key when the record has none.
    public let name: String
    /// What it is about.
    public let description: String?
    /// `community`, `association` or `club`.
    public let kind: String?
    /// Where or in which field it works.
    public let area: String?
    /// Its topics, sorted.
    public let topics: [String]
    /// Its links (site, chat, channel), sorted.
    public let links: [String]
    /// Whom to contact.
    public let contact: String?
    /// Its main language tag.
    public let language: String?

    /// The profile a community record shows; `nil` for a record of another kind.
    public init?(_ view: RecordView) {
        guard view.kind == .community else { return nil }
        key = view.community
        name = view.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? String(view.community.hex.prefix(12))
        description = view.string("description")
        kind = view.string("kind")
        area = view.string("area")
        topics = Self.strings(view.value(of: "topics")).sorted()
        links = Self.strings(view.value(of: "links")).sorted()
        contact = view.string("contact")
        language = view.string("language")
    }

    /// The texts of a set field.
    static func strings(_ value: RecordView.FieldValue?) -> [String] {
        guard case .set(let values)? = value else { return [] }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The community's page on the site.
    public var href: String { Self.href(key) }

    /// The page of a community on the site.
    public static func href(_ key: PublicKey) -> String { "/communities/\(key.hex)" }

    /// The words for its kind in a language, or the kind itself when the site has none for it.
    func kindText(_ words: SiteWords) -> String? {
        guard let kind else { return nil }
        return words.table["communities.kind.\(kind)"] ?? kind
    }

    /// The values of its card in the list of communities.
    func card(leaders: Int, _ frame: PageFrame) -> [String: Any] {
        var card: [String: Any] = [
            "href": href,
            "name": name,
            "leaders": frame.words.count("communities.leaders", leaders),
            "topics": topics,
            "hasTopics": !topics.isEmpty,
        ]
        card["kind"] = kindText(frame.words)
        card["area"] = area
        card["language"] = language
        return card
    }
}
