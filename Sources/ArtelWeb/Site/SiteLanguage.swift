import Foundation

/// The language a page is written in: Russian first, English second (DESIGN §12).
///
/// A visitor's choice wins: the `lang` parameter of the switch link on every page, then the `lang`
/// cookie that link leaves; otherwise the browser's `Accept-Language`, in its order of preference;
/// otherwise Russian.
public enum SiteLanguage: String, CaseIterable, Sendable {
    case russian = "ru"
    case english = "en"

    /// The language for a request.
    ///
    /// - Parameters:
    ///   - parameter: the `lang` query parameter, if any.
    ///   - cookie: the `lang` cookie, if any.
    ///   - acceptLanguage: the `Accept-Language` header, if any.
    public static func choose(parameter: String?, cookie: String?, acceptLanguage: String?) -> SiteLanguage {
        if let parameter, let language = SiteLanguage(rawValue: parameter) { return language }
        if let cookie, let language = SiteLanguage(rawValue: cookie) { return language }
        return preferred(acceptLanguage) ?? .russian
    }

    /// The first language of ours an `Accept-Language` header asks for, by its weights.
    static func preferred(_ header: String?) -> SiteLanguage? {
        guard let header else { return nil }
        let ranges = header.split(separator: ",").enumerated().compactMap { index, item -> (String, Double, Int)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, !tag.isEmpty else { return nil }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
            return (primary, weight, index)
        }
        let ordered = ranges.filter { $0.1 > 0 }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        return ordered.lazy.compactMap { SiteLanguage(rawValue: $0.0) }.first
    }

    /// The other language, which the switch on every page offers.
    public var other: SiteLanguage { self == .russian ? .english : .russian }

    /// The words of the site in this language.
    public var words: SiteWords { self == .russian ? .russian : .english }
}
