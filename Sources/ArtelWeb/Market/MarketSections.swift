import ArtelFormats
import Foundation

/// The sections of the market page: each a heading, a chart and a table of the same figures.
struct MarketSections {
    let stats: JobStats
    let frame: PageFrame
    /// The salary terms most vacancies give (say, RUB a month take-home): medians are compared in
    /// these only, never across currencies, periods or bases.
    private let mainTerms: (currency: String, period: String, basis: String)?

    init(stats: JobStats, frame: PageFrame) {
        self.stats = stats
        self.frame = frame
        mainTerms = stats.total.salaries.max { $0.count < $1.count }.map { ($0.currency, $0.period, $0.basis) }
    }

    private var words: SiteWords { frame.words }
    private var catalog: Catalog { Catalog.forLanguage(frame.language.rawValue) }

    var all: [[String: Any]] {
        [
            perMonth, salaryPerMonth, breakdown(.community, "market.byCommunity"), breakdown(.city, "market.byCity"),
            breakdown(.workMode, "market.byWorkMode"), bySource,
        ].compactMap { $0 }
    }

    private var perMonth: [String: Any] {
        let months = stats[.month]
        let bars = months.map {
            BarChart.Bar(label: $0.key, value: Int64($0.vacancies), text: "\($0.vacancies)", hatched: $0.partial)
        }
        let note = months.contains(where: \.partial) ? words["market.partialNote"] : nil
        return [
            "heading": words["market.perMonth"],
            "chart": BarChart.vertical(bars, id: "per-month", title: words["market.perMonth"], note: note),
            "columns": [words["market.month"], words["market.vacancies"], words["market.listings"]],
            "rows": months.map { month in
                [
                    "cells": [
                        month.key + (month.partial ? " (\(words["market.partial"]))" : ""), "\(month.vacancies)",
                        "\(month.listings)",
                    ]
                ]
            },
        ]
    }

    private var salaryPerMonth: [String: Any]? {
        guard let terms = mainTerms else { return nil }
        let rows = stats[.month].compactMap { month -> (String, JobStats.Quartiles)? in
            month.salaries.first {
                $0.currency == terms.currency && $0.period == terms.period && $0.basis == terms.basis
            }
            .map { (month.key, $0) }
        }
        let bars = rows.map {
            BarChart.Bar(label: $0.0, value: $0.1.median, text: "\(catalog.grouped($0.1.median)) · n=\($0.1.count)")
        }
        return [
            "heading": words["market.salaryPerMonth"],
            "terms": termsText(terms),
            "chart": BarChart.vertical(bars, id: "salary-per-month", title: words["market.salaryPerMonth"]),
            "columns": [words["market.month"], words["market.median"], words["market.quartiles"], "n"],
            "rows": rows.map { key, salary in
                [
                    "cells": [
                        key, catalog.grouped(salary.median),
                        "\(catalog.grouped(salary.lower))–\(catalog.grouped(salary.upper))", "\(salary.count)",
                    ]
                ]
            },
        ]
    }

    private func breakdown(_ dimension: JobStats.Dimension, _ heading: String) -> [String: Any]? {
        let groups = Array(stats[dimension].prefix(MarketPage.top))
        guard !groups.isEmpty else { return nil }
        let label = { (group: JobStats.Group) in
            group.key == JobStats.unstated
                ? words["market.unstated"] : dimension == .workMode ? catalog.workMode(group.key) : group.key
        }
        let bars = groups.map { BarChart.Bar(label: label($0), value: Int64($0.vacancies), text: "\($0.vacancies)") }
        return [
            "heading": words[heading],
            "chart": BarChart.horizontal(bars, title: words[heading]),
            "columns": [words["market.group"], words["market.vacancies"], words["market.median"], "n"],
            "rows": groups.map { group in
                let salary = median(group)
                return ["cells": [label(group), "\(group.vacancies)", salary.0, salary.1]]
            },
        ]
    }

    private var bySource: [String: Any]? {
        let groups = stats[.source]
        guard groups.count > 1 else { return nil }
        let label = { (group: JobStats.Group) in
            group.key == "communities" ? words["market.sourceCommunities"] : group.key
        }
        let bars = groups.map { BarChart.Bar(label: label($0), value: Int64($0.vacancies), text: "\($0.vacancies)") }
        return [
            "heading": words["market.bySource"],
            "terms": mainTerms.map(termsText) as Any,
            "chart": BarChart.horizontal(bars, title: words["market.bySource"]),
            "columns": [
                words["market.group"], words["market.vacancies"], words["market.median"], "n",
                words["market.remoteShare"],
            ],
            "rows": groups.map { group in
                let salary = median(group)
                let remote = group.remote.value.map { "\(Int(($0 * 100).rounded())) % (n=\(group.remote.n))" } ?? "—"
                return ["cells": [label(group), "\(group.vacancies)", salary.0, salary.1, remote]]
            },
        ]
    }

    /// A group's median salary in the main terms, and its n; dashes when it has none.
    private func median(_ group: JobStats.Group) -> (String, String) {
        guard let terms = mainTerms,
            let salary = group.salaries.first(where: {
                $0.currency == terms.currency && $0.period == terms.period && $0.basis == terms.basis
            })
        else { return ("—", "0") }
        return (catalog.grouped(salary.median), "\(salary.count)")
    }

    /// Terms in words: `₽/мес, на руки`.
    private func termsText(_ terms: (currency: String, period: String, basis: String)) -> String {
        var text = catalog.salaryTerms(currency: terms.currency, period: terms.period)
        if terms.basis == "gross" || terms.basis == "net" { text += ", " + words["market.basis.\(terms.basis)"] }
        return text
    }
}
