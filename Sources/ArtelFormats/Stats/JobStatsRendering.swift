import Foundation

extension JobStats {
    /// A report for the terminal: the totals, the sources side by side, then each breakdown
    /// (at most `top` rows of the long ones: community, city, tag), every figure with its n.
    public func table(top: Int = 10) -> String {
        var lines = [
            "\(total.vacancies) vacancies from \(listings) listings (a vacancy listed by several communities or "
                + "sources counts once: the same apply link, or the same employer and title).",
            "Shares: n = vacancies that state a work mode or an employment. Salaries: median [quartiles] (n), "
                + "the middle of each range, never mixed across currency, period or gross/net.",
            "",
            "Sources side by side (what communities posted, what came from hh.ru):",
        ]
        let sources = [total] + self[.source]
        let width = 16
        lines.append(
            "  " + "".padded(26)
                + sources.map { ($0.key == "all" ? "all" : $0.key).padded(width) }.joined(
                    separator: " "
                )
        )
        lines.append(
            "  " + "vacancies".padded(26) + sources.map { "\($0.vacancies)".padded(width) }.joined(separator: " ")
        )
        lines.append(
            "  " + "remote".padded(26) + sources.map { Self.share($0.remote).padded(width) }.joined(separator: " ")
        )
        lines.append(
            "  " + "part-time".padded(26) + sources.map { Self.share($0.partTime).padded(width) }.joined(separator: " ")
        )
        let terms = Set(sources.flatMap { $0.salaries.map(Self.termsText) }).sorted()
        for term in terms {
            lines.append(
                "  " + term.padded(26)
                    + sources.map { group in
                        let salary = group.salaries.first { Self.termsText($0) == term }
                        return (salary.map { "\(JobListing.grouped($0.median)) (\($0.count))" } ?? "-").padded(width)
                    }
                    .joined(separator: " ")
            )
        }
        for dimension in Dimension.allCases where dimension != .source {
            let groups = self[dimension]
            let shown = [.community, .city, .tag].contains(dimension) ? Array(groups.prefix(top)) : groups
            lines += [
                "",
                "By \(dimension.title)\(shown.count < groups.count ? " (top \(shown.count) of \(groups.count))" : ""):",
            ]
            lines.append(
                "  " + dimension.title.padded(28)
                    + "vacancies  listings  remote (n)     part-time (n)  salary: median [quartiles] (n)"
            )
            for group in shown {
                lines.append(
                    "  " + (group.key.clipped(to: 26) + (group.partial ? " *" : "")).padded(28)
                        + "\(group.vacancies)".padded(11) + "\(group.listings)".padded(10)
                        + Self.share(group.remote).padded(15) + Self.share(group.partTime).padded(15)
                        + (group.salaries.isEmpty ? "-" : group.salaries.map(Self.salaryText).joined(separator: "; "))
                )
            }
            if groups.contains(where: \.partial) {
                lines.append("  * the period covers only part of this month: its count is not comparable")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV, one line per dimension, group and salary terms: a spreadsheet's pivot source.
    public var csv: String {
        var rows: [[String?]] = []
        for (dimension, groups) in [("all", [total])] + Dimension.allCases.map({ ($0.rawValue, self[$0]) }) {
            for group in groups {
                let base: [String?] = [
                    dimension, group.key, String(group.vacancies), String(group.listings),
                    group.remote.value.map(Self.fraction), String(group.remote.n),
                    group.partTime.value.map(Self.fraction), String(group.partTime.n), group.partial ? "1" : "0",
                ]
                if group.salaries.isEmpty { rows.append(base + Array(repeating: nil, count: 7)) }
                for salary in group.salaries {
                    rows.append(
                        base + [
                            salary.currency, salary.period, salary.basis, String(salary.count), String(salary.lower),
                            String(salary.median), String(salary.upper),
                        ]
                    )
                }
            }
        }
        return CSVWriter.table(
            [
                "dimension", "group", "vacancies", "listings", "remote_share", "remote_n", "part_time_share",
                "part_time_n", "partial_month", "currency", "period", "basis", "salary_n", "salary_q1",
                "salary_median", "salary_q3",
            ],
            rows
        )
    }

    /// The figures as a JSON object: `listings`, `vacancies`, `period`, `total`, and one array of
    /// groups per dimension.
    public var json: String {
        func object(_ group: Group) -> [String: Any] {
            [
                "key": group.key, "vacancies": group.vacancies, "listings": group.listings,
                "remote": [
                    "count": group.remote.count, "n": group.remote.n,
                    "share": group.remote.value.map { $0 as Any } ?? NSNull(),
                ],
                "part_time": [
                    "count": group.partTime.count, "n": group.partTime.n,
                    "share": group.partTime.value.map { $0 as Any } ?? NSNull(),
                ],
                "salaries": group.salaries.map { salary -> [String: Any] in
                    [
                        "currency": salary.currency, "period": salary.period, "basis": salary.basis, "n": salary.count,
                        "q1": salary.lower, "median": salary.median, "q3": salary.upper,
                    ]
                },
                "partial": group.partial,
            ]
        }
        var document: [String: Any] = [
            "listings": listings, "vacancies": total.vacancies, "total": object(total),
            "period": period.map { ["from": $0.lowerBound, "until": $0.upperBound] } ?? NSNull(),
        ]
        for dimension in Dimension.allCases { document[dimension.rawValue] = self[dimension].map(object) }
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func share(_ share: Share) -> String {
        guard let value = share.value else { return "- (0)" }
        return "\(Int((value * 100).rounded()))% (\(share.n))"
    }

    static func fraction(_ value: Double) -> String { String(format: "%.4f", value) }

    static func termsText(_ salary: Quartiles) -> String {
        "\(salary.currency)/\(salary.period) \(salary.basis)"
    }

    static func salaryText(_ salary: Quartiles) -> String {
        "\(termsText(salary)) \(JobListing.grouped(salary.median)) [\(JobListing.grouped(salary.lower))–"
            + "\(JobListing.grouped(salary.upper))] (\(salary.count))"
    }
}

extension JobStats.Dimension {
    /// The dimension in words.
    var title: String {
        switch self {
        case .month: "month"
        case .community: "community"
        case .source: "source"
        case .city: "city"
        case .workMode: "work mode"
        case .employment: "employment"
        case .tag: "tag"
        }
    }
}

extension String {
    /// Padded with spaces to a width, or left as it is when longer.
    func padded(_ width: Int) -> String {
        count >= width ? self + " " : padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
