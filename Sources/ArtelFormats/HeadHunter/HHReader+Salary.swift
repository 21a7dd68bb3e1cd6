import ArtelCore

extension HHReader {
    /// The salary operations of a vacancy: from `salary_range` when it has one (it carries what the
    /// amount pays for), else from `salary`.
    ///
    /// The period comes from the range's `mode`: MONTH a month, HOUR an hour, SHIFT a day, SERVICE
    /// a project; FLY_IN_FLY_OUT (a rotation of varying length) gives no period. `frequency` says how
    /// often the pay is paid out, not what it pays for: it changes nothing but that a range paid
    /// PER_PROJECT without a mode is for a project. Without a range, hh.ru salaries are monthly.
    static func salary(of vacancy: HHVacancy, place: String) throws(FormatError) -> [ArtelCore.Operation] {
        let range = vacancy.salaryRange
        let amounts: (from: Double?, to: Double?, currency: String?, gross: Bool?, name: String)
        if let range, range.from != nil || range.to != nil {
            amounts = (range.from, range.to, range.currency, range.gross, "salary_range")
        } else if let salary = vacancy.salary {
            amounts = (salary.from, salary.to, salary.currency, salary.gross, "salary")
        } else {
            return []
        }
        var operations: [ArtelCore.Operation] = []
        for (name, value) in [("from", amounts.from), ("to", amounts.to)] {
            guard let value else { continue }
            guard value >= 0, value <= 100_000_000, value == value.rounded() else {
                throw FormatError(
                    place,
                    "\(amounts.name).\(name) \(value) is not a salary (a whole amount, 0 to 100 000 000)"
                )
            }
            operations.append(.set(name == "from" ? Fields.salaryMin : Fields.salaryMax, .integer(Int64(value))))
        }
        if let from = amounts.from, let to = amounts.to, from > to {
            throw FormatError(place, "\(amounts.name).from \(Int(from)) is above \(amounts.name).to \(Int(to))")
        }
        guard !operations.isEmpty else { return [] }
        if let currency = amounts.currency?.uppercased() {
            guard currency.count == 3, currency.allSatisfy(\.isLetter) else {
                throw FormatError(place, "\(amounts.name).currency \"\(currency.prefix(10))\" is not a currency code")
            }
            // hh.ru still writes the Russian rouble's pre-1998 code.
            operations.append(.set(Fields.salaryCurrency, .string(currency == "RUR" ? "RUB" : currency)))
        }
        if let gross = amounts.gross { operations.append(.set(Fields.salaryGross, .boolean(gross))) }
        let period: String? =
            switch (range?.mode?.id?.uppercased(), range?.frequency?.id?.uppercased()) {
            case ("HOUR", _): "hour"
            case ("SHIFT", _): "day"
            case ("SERVICE", _), (nil, "PER_PROJECT"): "project"
            case ("FLY_IN_FLY_OUT", _): nil
            default: "month"
            }
        if let period { operations.append(.set(Fields.salaryPeriod, .string(period))) }
        return operations
    }
}
