import Foundation

extension JobStats {
    /// A table for the terminal.
    public var table: String {
        var lines = [
            "month    community                      vacancies  remote  part-time  salary (quartiles)                      top tags"
        ]
        for row in rows {
            let salary = row.salaries.map {
                "\($0.currency)/\($0.period) \(JobListing.grouped($0.lower))…\(JobListing.grouped($0.median))…\(JobListing.grouped($0.upper)) (\($0.count))"
            }
            .joined(separator: "; ")
            lines.append(
                [
                    row.month.padding(toLength: 8, withPad: " ", startingAt: 0),
                    (row.community ?? "all").clipped(to: 30).padding(toLength: 30, withPad: " ", startingAt: 0),
                    String(row.vacancies).padding(toLength: 10, withPad: " ", startingAt: 0),
                    Self.percent(row.remoteShare).padding(toLength: 7, withPad: " ", startingAt: 0),
                    Self.percent(row.partTimeShare).padding(toLength: 10, withPad: " ", startingAt: 0),
                    (salary.isEmpty ? "-" : salary).padding(toLength: 39, withPad: " ", startingAt: 0),
                    row.topTags.map { "\($0.tag) (\($0.count))" }.joined(separator: ", "),
                ].joined(separator: " ")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV, one line per month, community, currency and period.
    public var csv: String {
        var rows: [[String?]] = []
        for row in self.rows {
            let base: [String?] = [
                row.month, row.community ?? "all", String(row.vacancies), Self.percent(row.remoteShare),
                Self.percent(row.partTimeShare), row.topTags.map(\.tag).joined(separator: ";"),
            ]
            if row.salaries.isEmpty { rows.append(base + [nil, nil, nil, nil, nil, nil]) }
            for salary in row.salaries {
                rows.append(
                    base + [
                        salary.currency, salary.period, String(salary.count), String(salary.lower),
                        String(salary.median), String(salary.upper),
                    ]
                )
            }
        }
        return CSVWriter.table(
            [
                "month", "community", "vacancies", "remote", "part_time", "top_tags", "currency", "period",
                "with_salary",
                "salary_q1", "salary_median", "salary_q3",
            ],
            rows
        )
    }

    /// An SVG chart of every community's vacancies per month, with the median monthly salary in
    /// roubles above each bar.
    public var svg: String {
        let months = rows.filter { $0.community == nil }
        let width = max(360, 80 + months.count * 70)
        let height = 320
        let top = max(1, months.map(\.vacancies).max() ?? 1)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
            "<title>Вакансии по месяцам</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"20\" y=\"24\" font-size=\"15\">Вакансии по месяцам (над столбцом — медиана зарплаты, ₽ в месяц)</text>",
            "<line x1=\"50\" y1=\"270\" x2=\"\(width - 20)\" y2=\"270\" stroke=\"#333\"/>",
        ]
        for (index, row) in months.enumerated() {
            let barHeight = Int((Double(row.vacancies) / Double(top) * 200).rounded())
            let x = 60 + index * 70
            parts.append(
                "<rect x=\"\(x)\" y=\"\(270 - barHeight)\" width=\"44\" height=\"\(barHeight)\" fill=\"#4a7bd0\"><title>\(row.vacancies)</title></rect>"
            )
            parts.append(
                "<text x=\"\(x + 22)\" y=\"\(265 - barHeight)\" text-anchor=\"middle\">\(row.vacancies)</text>"
            )
            if let median = row.salaries.first(where: { $0.currency == "RUB" && $0.period == "month" })?.median {
                parts.append(
                    "<text x=\"\(x + 22)\" y=\"\(250 - barHeight)\" text-anchor=\"middle\" fill=\"#a33\">\(JobListing.grouped(median))</text>"
                )
            }
            parts.append("<text x=\"\(x + 22)\" y=\"290\" text-anchor=\"middle\">\(row.month)</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
