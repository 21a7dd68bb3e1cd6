public import ArtelCore
public import ArtelFormats
import Foundation

/// The market page (`/market`): the de-duplicated figures of `artel stats jobs` as charts and
/// tables, and a CSV of the same figures.
public enum MarketPage: Sendable {
    /// The periods offered, in months.
    public static let periods = [3, 6, 12, 24]
    /// Rows of the long breakdowns (community, city).
    static let top = 10

    /// The period and community the page's form asks for.
    public struct Filters: Sendable, Equatable {
        public var months = 12
        public var community: PublicKey?

        /// The filters a form sent: an unknown period or a malformed key is ignored.
        public init(_ parameters: [(name: String, value: String)]) {
            for (name, value) in parameters {
                switch name {
                case "months": if let months = Int(value), MarketPage.periods.contains(months) { self.months = months }
                case "community": community = PublicKey(hex: value.lowercased())
                default: continue
                }
            }
        }

        /// The address of the CSV of these figures.
        public var csv: String {
            var items = [("months", String(months))]
            if let community { items.append(("community", community.hex)) }
            return PageFrame.address("/market.csv", items)
        }
    }

    /// The page of some figures.
    public static func render(
        _ frame: PageFrame,
        filters: Filters,
        stats: JobStats,
        communities: [(key: PublicKey, name: String)]
    ) -> SitePage {
        let words = frame.words
        func option(_ value: String, _ label: String, _ chosen: String) -> [String: Any] {
            ["value": value, "label": label, "selected": value == chosen]
        }
        let selects: [[String: Any]] = [
            [
                "name": "months", "label": words["market.period"],
                "options": periods.map { option(String($0), words["market.months\($0)"], String(filters.months)) },
            ],
            [
                "name": "community", "label": words["market.community"],
                "options": [option("", words["market.all"], filters.community?.hex ?? "")]
                    + communities.map { option($0.key.hex, $0.name, filters.community?.hex ?? "") },
            ],
        ]
        let summary = words["market.summary"].replacingOccurrences(of: "{vacancies}", with: "\(stats.total.vacancies)")
            .replacingOccurrences(of: "{listings}", with: "\(stats.listings)")
        let content: [String: Any] = [
            "selects": selects, "summary": summary, "hasVacancies": stats.total.vacancies > 0,
            "sections": MarketSections(stats: stats, frame: frame).all, "csv": filters.csv,
        ]
        return SitePage.render("market", frame.context(title: words["market.title"], content: content))
    }
}
