import Foundation

/// What every page shares: the language, the section it belongs to, and its own address, from which
/// the language switch and the pages' links are made.
public struct PageFrame: Sendable {
    /// The sections of the site, in the order of its navigation.
    public enum Section: String, CaseIterable, Sendable {
        case jobs, events, communities, digests, market, node

        /// The section's first page.
        var path: String { self == .jobs ? "/" : "/\(rawValue)" }
    }

    /// The language the page is written in.
    public let language: SiteLanguage
    /// The section the page belongs to, marked in the navigation.
    public let section: Section
    /// The page's path, without its query.
    public let path: String
    /// The page's query parameters, in order.
    public let parameters: [(name: String, value: String)]
    /// The node's name, shown in the header and every title.
    public let siteName: String
    /// Who is signed in, when someone is: the header names them and offers to sign out.
    public let account: SignedInAccount?
    /// For a page whose list follows the change stream (`data-live`): the last change stored before
    /// the page read its list. The page's script streams the changes after it, so that one stored
    /// while the page was on its way is not missed.
    public var liveAfter: Int64?

    /// A frame.
    public init(
        language: SiteLanguage,
        section: Section,
        path: String,
        parameters: [(name: String, value: String)],
        siteName: String,
        account: SignedInAccount? = nil
    ) {
        self.language = language
        self.section = section
        self.path = path
        self.parameters = parameters
        self.siteName = siteName
        self.account = account
    }

    /// The words of the page's language.
    var words: SiteWords { language.words }

    /// The page's own address with some parameters replaced (`nil` removes one), the others kept in order.
    func link(replacing changes: [String: String?]) -> String {
        var items = parameters.filter { changes[$0.name] == nil }.map { ($0.name, $0.value) }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { items.append((name, value)) }
        }
        return Self.address(path, items)
    }

    /// A path with a query made of `items`, each percent-encoded.
    static func address(_ path: String, _ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    /// A text as a query component.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryValue) ?? ""
    }

    private static let queryValue: CharacterSet = {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return allowed
    }()

    /// The values every page's layout reads, with the page's own beside them.
    func context(
        title: String,
        content: [String: Any],
        jsonLD: String? = nil,
        feeds: [[String: Any]] = []
    ) -> [String: Any] {
        var context = content
        context["lang"] = language.rawValue
        context["w"] = words.tree
        context["title"] = title
        context["siteName"] = siteName
        context["nav"] = Section.allCases.map { section -> [String: Any] in
            ["href": section.path, "label": words["nav.\(section.rawValue)"], "current": section == self.section]
        }
        context["alternate"] = [
            "href": link(replacing: ["lang": language.other.rawValue]), "lang": language.other.rawValue,
            "label": words["language.switch"],
        ]
        context["feeds"] = feeds
        if let liveAfter { context["liveAfter"] = String(liveAfter) }
        if let account {
            var shown: [String: Any] = [
                "name": account.name, "csrf": account.formToken, "moderates": account.moderates,
                "isOperator": account.isOperator,
            ]
            if account.moderates, let link = ModerationLinks.record(onPage: path) { shown["moderateRecord"] = link }
            context["account"] = shown
        }
        if let jsonLD { context["jsonLD"] = Self.scriptSafeJSON(jsonLD) }
        return context
    }

    /// JSON that cannot end the script element it sits in: every `<` (only ever inside a JSON
    /// string) written as `\u003c`, so that no `</script>` in a record's text closes the element.
    static func scriptSafeJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
