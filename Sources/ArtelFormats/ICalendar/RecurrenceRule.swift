import ArtelCore

/// An RRULE (RFC 5545 §3.3.10) as far as Artel expands it: FREQ of DAILY, WEEKLY, MONTHLY or YEARLY,
/// with INTERVAL, COUNT, UNTIL, BYDAY (with an ordinal in monthly and yearly rules), BYMONTHDAY and
/// BYMONTH. A rule with other parts (BYSETPOS, BYWEEKNO, BYYEARDAY, hourly rules…) is kept as text
/// but not expanded: its series shows its first occurrence and its RDATEs.
struct RecurrenceRule: Equatable {
    enum Frequency: String {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday (0 is Sunday), every one of the period or the nth (negative from the end).
    struct Weekday: Equatable {
        var ordinal: Int?
        var day: Int
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    /// The last moment an occurrence may start, inclusive.
    var until: Int64?
    var byDay: [Weekday] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []

    private static let weekdays = ["SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6]

    /// Reads a rule; `nil` for one Artel does not expand.
    init?(_ text: String) {
        var parts: [String: String] = [:]
        for part in text.uppercased().split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            parts[pair[0]] = pair[1]
        }
        guard let frequency = parts.removeValue(forKey: "FREQ").flatMap(Frequency.init(rawValue:)) else { return nil }
        self.frequency = frequency
        parts["WKST"] = nil  // weeks start on Monday here; WKST matters only to rules Artel does not expand
        if let text = parts.removeValue(forKey: "INTERVAL") {
            guard let interval = Int(text), interval >= 1 else { return nil }
            self.interval = interval
        }
        if let text = parts.removeValue(forKey: "COUNT") {
            guard let count = Int(text), count >= 1 else { return nil }
            self.count = count
        }
        if let text = parts.removeValue(forKey: "UNTIL") {
            guard let until = try? ICalendarDates.read(text, in: .fixed(seconds: 0), place: "UNTIL") else { return nil }
            // A DATE names a whole day: occurrences that day count.
            self.until = until.milliseconds + (until.isDate ? 86_399_999 : 0)
        }
        if let text = parts.removeValue(forKey: "BYDAY") {
            for entry in text.split(separator: ",") {
                guard let day = Self.weekdays[String(entry.suffix(2))] else { return nil }
                let prefix = entry.dropLast(2)
                guard prefix.isEmpty || (Int(prefix).map { $0 != 0 && abs($0) <= 53 } ?? false) else { return nil }
                byDay.append(Weekday(ordinal: prefix.isEmpty ? nil : Int(prefix), day: day))
            }
        }
        if let text = parts.removeValue(forKey: "BYMONTHDAY") {
            for entry in text.split(separator: ",") {
                guard let day = Int(entry), day != 0, abs(day) <= 31 else { return nil }
                byMonthDay.append(day)
            }
        }
        if let text = parts.removeValue(forKey: "BYMONTH") {
            for entry in text.split(separator: ",") {
                guard let month = Int(entry), (1...12).contains(month) else { return nil }
                byMonth.append(month)
            }
        }
        // An ordinal weekday of a whole year, or in a daily or weekly rule, is not expanded.
        let ordinals = byDay.contains { $0.ordinal != nil }
        if ordinals && (frequency == .daily || frequency == .weekly || (frequency == .yearly && byMonth.isEmpty)) {
            return nil
        }
        guard parts.isEmpty else { return nil }
    }

    /// The local days of one period of the rule, in order: the `index`th period after the one
    /// holding `first` (the series' first day).
    func days(ofPeriod index: Int, first: CivilTime) -> [CivilTime] {
        let step = index * interval
        switch frequency {
        case .daily:
            let day = Self.day(Self.dayNumber(first) + step)
            return matches(day) ? [day] : []
        case .weekly:
            let monday = Self.dayNumber(first) - (Self.weekday(first) + 6) % 7 + step * 7
            let wanted = byDay.isEmpty ? [Self.weekday(first)] : byDay.map(\.day)
            return (0..<7).map { Self.day(monday + $0) }.filter {
                wanted.contains(Self.weekday($0)) && (byMonth.isEmpty || byMonth.contains($0.month))
            }
        case .monthly:
            let months = first.month - 1 + step
            let month = CivilTime(year: first.year + months / 12, month: months % 12 + 1, day: 1)
            return byMonth.isEmpty || byMonth.contains(month.month) ? days(of: month, first: first) : []
        case .yearly:
            let months = byMonth.isEmpty ? [first.month] : byMonth.sorted()
            return months.flatMap { days(of: CivilTime(year: first.year + step, month: $0, day: 1), first: first) }
        }
    }

    /// The days of a month the rule picks.
    private func days(of month: CivilTime, first: CivilTime) -> [CivilTime] {
        let length = Self.length(of: month)
        var numbers: [Int]
        if !byDay.isEmpty {
            let firstWeekday = Self.weekday(month)
            numbers = byDay.flatMap { entry -> [Int] in
                let all = Array(stride(from: (entry.day - firstWeekday + 7) % 7 + 1, through: length, by: 7))
                guard let ordinal = entry.ordinal else { return all }
                let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                return all.indices.contains(index) ? [all[index]] : []
            }
            if !byMonthDay.isEmpty { numbers = numbers.filter(monthDays(length).contains) }
        } else if !byMonthDay.isEmpty {
            numbers = monthDays(length)
        } else {
            numbers = [first.day]
        }
        return Set(numbers).filter { $0 <= length }.sorted().map {
            CivilTime(year: month.year, month: month.month, day: $0)
        }
    }

    private func monthDays(_ length: Int) -> [Int] {
        byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }.filter { (1...length).contains($0) }
    }

    private func matches(_ day: CivilTime) -> Bool {
        (byMonth.isEmpty || byMonth.contains(day.month))
            && (byMonthDay.isEmpty || monthDays(Self.length(of: day)).contains(day.day))
            && (byDay.isEmpty || byDay.contains { $0.day == Self.weekday(day) })
    }

    static func dayNumber(_ day: CivilTime) -> Int {
        Int(CivilTime(year: day.year, month: day.month, day: day.day).milliseconds() / 86_400_000)
    }

    static func day(_ number: Int) -> CivilTime { CivilTime(milliseconds: Int64(number) * 86_400_000) }

    /// 0 for Sunday; 1970-01-01 was a Thursday.
    static func weekday(_ day: CivilTime) -> Int { ((dayNumber(day) + 4) % 7 + 7) % 7 }

    static func length(of month: CivilTime) -> Int {
        (28...31).last { CivilTime(year: month.year, month: month.month, day: $0).isValid } ?? 28
    }
}
