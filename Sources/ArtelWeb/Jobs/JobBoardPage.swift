public import ArtelCore
public import ArtelFormats
import ArtelStore
import Foundation

/// The job board (`/`): search, filters, a page of open public jobs, links to the next pages.
public enum JobBoardPage: Sendable {
    /// The board.
    ///
    /// - Parameters:
    ///   - jobs: the page of jobs the filters found.
    ///   - total: how many they found in all.
    ///   - communities: the communities a visitor can narrow to, with their names, by name.
    ///   - cities: cities to suggest in the city field.
    public static func render(
        _ frame: PageFrame,
        filters: JobBoardFilters,
        jobs: [JobListing],
        total: Int,
        communities: [(key: PublicKey, name: String)],
        cities: [String]
    ) -> SitePage {
        let words = frame.words
        let catalog = Catalog.forLanguage(frame.language.rawValue)
        func option(_ value: String, _ label: String, _ chosen: String) -> [String: Any] {
            ["value": value, "label": label, "selected": value == chosen]
        }
        let selects: [[String: Any]] = [
            [
                "name": "community", "label": words["jobs.community"],
                "options": [option("", words["jobs.anyNeuter"], "")]
                    + communities.map { option($0.key.hex, $0.name, filters.community?.hex ?? "") },
            ],
            [
                "name": "work_mode", "label": words["jobs.workMode"],
                "options": [option("", words["jobs.any"], filters.workMode)]
                    + ["remote", "hybrid", "onsite"].map { option($0, catalog.workMode($0), filters.workMode) },
            ],
            [
                "name": "employment", "label": words["jobs.employment"],
                "options": [option("", words["jobs.anyFeminine"], filters.employment)]
                    + ["full_time", "part_time", "contract", "internship", "volunteer"].map {
                        option($0, catalog.employment($0), filters.employment)
                    },
            ],
            [
                "name": "currency", "label": words["jobs.currency"],
                "options": [option("", words["jobs.anyFeminine"], filters.currency)]
                    + ["RUB", "USD", "EUR", "KZT", "BYN"].map { option($0, $0, filters.currency) },
            ],
            [
                "name": "posted", "label": words["jobs.posted"],
                "options": [option("", words["jobs.postedAny"], filters.postedDays.map(String.init) ?? "")]
                    + JobBoardFilters.postedChoices.map {
                        option(String($0), words["jobs.posted\($0)"], filters.postedDays.map(String.init) ?? "")
                    },
            ],
            [
                "name": "sort", "label": words["jobs.sort"],
                "options": [
                    option("date", words["jobs.sortDate"], filters.order == .salary ? "salary" : "date"),
                    option("salary", words["jobs.sortSalary"], filters.order == .salary ? "salary" : "date"),
                ],
            ],
        ]
        let pageCount = max(1, (total + JobBoardFilters.pageSize - 1) / JobBoardFilters.pageSize)
        var pages: [String: Any] = [
            "position": words["pages.of"].replacingOccurrences(of: "{page}", with: "\(filters.page)")
                .replacingOccurrences(of: "{pages}", with: "\(pageCount)")
        ]
        if filters.page > 1 {
            pages["previous"] = frame.link(replacing: ["page": filters.page == 2 ? nil : String(filters.page - 1)])
        }
        if filters.page < pageCount { pages["next"] = frame.link(replacing: ["page": String(filters.page + 1)]) }
        let feedQuery = filters.community.map { "?community=\($0.hex)" } ?? ""
        var content: [String: Any] = [
            "action": "/",
            "filters": [
                "q": filters.text, "city": filters.city, "tag": filters.tag,
                "salaryMin": filters.salaryMin.map(String.init) ?? "", "open": filters.narrows,
            ],
            "selects": selects,
            "cities": cities,
            "found": words.count("jobs.found", total),
            "jobs": jobs.map { JobCard.card($0, frame) },
            "live": "jobs",
            "atom": "/feeds/jobs.atom" + feedQuery,
            "jsonFeed": "/feeds/jobs.json" + feedQuery,
        ]
        if pageCount > 1 { content["pages"] = pages }
        // A page past the end (an old link, a hand-made address) says so, not "nothing found".
        if jobs.isEmpty && total > 0 {
            content["pastEnd"] = words["jobs.pastEnd"].replacingOccurrences(of: "{pages}", with: "\(pageCount)")
            content["firstPage"] = frame.link(replacing: ["page": nil])
        }
        if !filters.problems.isEmpty {
            content["problem"] = filters.problems.map { $0.text(words) }.joined(separator: "; ")
        }
        let feeds: [[String: Any]] = [
            ["type": "application/atom+xml", "href": "/feeds/jobs.atom" + feedQuery, "label": words["jobs.feedAtom"]],
            ["type": "application/feed+json", "href": "/feeds/jobs.json" + feedQuery, "label": words["jobs.feedJSON"]],
        ]
        return SitePage.render(
            "jobs",
            frame.context(title: words["jobs.title"], content: content, feeds: feeds),
            status: filters.problems.isEmpty ? 200 : 400
        )
    }
}
