extension JobStats {
    /// An SVG chart of vacancies per month: a y axis of vacancies with ticks, a bar per month with
    /// its count, the median salary of the most reported terms (say, RUB a month take-home) with its
    /// n above each bar, a month the period covers only in part hatched and marked, axis titles and
    /// a note of how vacancies are counted.
    public var svg: String {
        let months = self[.month]
        let left = 70
        let bottom = 300
        let plotHeight = 200
        let step = 76
        let width = max(480, left + 30 + months.count * step)
        let height = 380
        let top = max(1, months.map(\.vacancies).max() ?? 1)
        let tick = Self.tickStep(top)
        let axisTop = (top + tick - 1) / tick * tick
        func y(_ value: Int) -> Int { bottom - Int((Double(value) / Double(axisTop) * Double(plotHeight)).rounded()) }
        let terms = Self.chartTerms(months)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
            "<title>Вакансии по месяцам</title>",
            "<defs><pattern id=\"partial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#a9c0ea\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#4a7bd0\" stroke-width=\"2\"/></pattern></defs>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"20\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Вакансии по месяцам: \(total.vacancies) вакансий из \(listings) объявлений</text>",
            "<text x=\"20\" y=\"42\" fill=\"#555\">Вакансия, опубликованная в нескольких сообществах или источниках, считается один раз.</text>",
        ]
        if let terms {
            parts.append(
                "<text x=\"20\" y=\"60\" fill=\"#a33\">Над столбцом: медиана зарплаты, \(Self.escape(Self.termsWords(terms))) (n — вакансий с зарплатой)</text>"
            )
        }
        // The y axis: vacancies, with ticks and grid lines.
        parts.append(
            "<line x1=\"\(left)\" y1=\"\(bottom - plotHeight - 10)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#333\"/>"
        )
        for value in stride(from: 0, through: axisTop, by: tick) {
            parts.append(
                "<line x1=\"\(left - 4)\" y1=\"\(y(value))\" x2=\"\(width - 20)\" y2=\"\(y(value))\" stroke=\"\(value == 0 ? "#333" : "#e3e3e3")\"/>"
            )
            parts.append("<text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(value)</text>")
        }
        parts.append(
            "<text x=\"18\" y=\"\(bottom - plotHeight / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(bottom - plotHeight / 2))\">вакансий</text>"
        )
        parts.append(
            "<text x=\"\((left + width) / 2)\" y=\"\(bottom + 40)\" text-anchor=\"middle\">месяц публикации</text>"
        )
        for (index, month) in months.enumerated() {
            let x = left + 16 + index * step
            let barTop = y(month.vacancies)
            let fill = month.partial ? "url(#partial)" : "#4a7bd0"
            parts.append(
                "<rect x=\"\(x)\" y=\"\(barTop)\" width=\"44\" height=\"\(bottom - barTop)\" fill=\"\(fill)\"><title>\(month.key): \(month.vacancies) вакансий\(month.partial ? " (неполный месяц)" : "")</title></rect>"
            )
            parts.append("<text x=\"\(x + 22)\" y=\"\(barTop - 5)\" text-anchor=\"middle\">\(month.vacancies)</text>")
            if let terms, let salary = month.salaries.first(where: { Terms(of: $0) == terms }) {
                parts.append(
                    "<text x=\"\(x + 22)\" y=\"\(barTop - 20)\" text-anchor=\"middle\" fill=\"#a33\">\(JobListing.grouped(salary.median)) (n=\(salary.count))</text>"
                )
            }
            parts.append(
                "<text x=\"\(x + 22)\" y=\"\(bottom + 16)\" text-anchor=\"middle\">\(Self.escape(month.key))</text>"
            )
            if month.partial {
                parts.append(
                    "<text x=\"\(x + 22)\" y=\"\(bottom + 28)\" text-anchor=\"middle\" fill=\"#555\" font-size=\"10\">неполный</text>"
                )
            }
        }
        if months.contains(where: \.partial) {
            parts.append(
                "<text x=\"20\" y=\"\(height - 12)\" fill=\"#555\">Штриховка: период захватывает лишь часть месяца, его число не сравнимо с другими.</text>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    /// The salary terms most vacancies of the months give, for the chart's medians.
    static func chartTerms(_ months: [Group]) -> Terms? {
        var counts: [Terms: Int] = [:]
        for month in months { for salary in month.salaries { counts[Terms(of: salary), default: 0] += salary.count } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// "RUB в месяц, на руки".
    static func termsWords(_ terms: Terms) -> String {
        let currency = terms.currency == "RUB" ? "₽" : terms.currency
        let period =
            switch terms.period {
            case "hour": "в час"
            case "day": "в день"
            case "month": "в месяц"
            case "year": "в год"
            case "project": "за проект"
            default: "период не указан"
            }
        let basis =
            switch terms.basis {
            case "gross": "до вычета налогов"
            case "net": "на руки"
            default: "gross/net не указано"
            }
        return "\(currency) \(period), \(basis)"
    }

    /// A round tick step giving about five ticks up to `top`.
    static func tickStep(_ top: Int) -> Int {
        let rough = max(1, top / 5)
        var magnitude = 1
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where factor * magnitude >= rough { return factor * magnitude }
        return 10 * magnitude
    }

    static func escape(_ text: String) -> String { JobFeeds.xml(text) }
}

extension Terms {
    init(of salary: JobStats.Quartiles) {
        self.init(currency: salary.currency, period: salary.period, basis: salary.basis)
    }
}
