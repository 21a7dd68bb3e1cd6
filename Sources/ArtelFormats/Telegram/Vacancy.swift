import Foundation

/// One vacancy of a post, read from its lines by their labels and their places.
///
/// The first line is the title line: its first clause (before ` — `, ` | ` or a parenthesis) is the
/// title, as written; the rest of it is read for salary, city, work mode and employment, like the
/// unlabelled lines under it (the "info" lines, which also become the description). The employer is,
/// in order: the `Компания:` label, an info line `X — …` or `X ищет …`, a name in «…» on the title
/// line, the name after ` в `, ` от ` or ` at ` on the title line. Lists go under their labels
/// (duties, requirements, conditions); conditions join the description.
struct Vacancy {
    var title = ""
    var employer: String?
    var info: [String] = []
    var duties: [String] = []
    var requirements: [String] = []
    var conditions: [String] = []
    var salary: SalaryText?
    var salaryLine: String?
    /// Whether ``salary`` was read from a line marked as pay.
    private var salaryIsMarked = false
    var city: String?
    var workMode: String?
    var employment: [String] = []
    var contacts: [String] = []
    var applyURL: String?

    /// Whether anything beyond a title says this is a vacancy.
    var hasSubstance: Bool {
        !duties.isEmpty || !requirements.isEmpty || salary != nil || applyURL != nil || !contacts.isEmpty
            || !conditions.isEmpty
    }

    init(_ lines: [PostLine]) {
        var section: VacancyLabel?
        /// The text read for city, work mode and employment: everything but duties and requirements.
        var terms: [String] = []
        var labelledEmployer: String?
        var labelledCity: String?
        var applyLinks: [PostLink] = []
        var contactLinks: [PostLink] = []
        var markedList = false
        for (index, line) in lines.enumerated() {
            let (mark, content) = (line.mark, line.content)
            if index == 0 {
                readTitle(VacancyLabel.parse(content).map { $0.label == .title ? $0.value : content } ?? content)
                terms.append(content)
                continue
            }
            if line.isBlank {
                section = nil
                markedList = false
            }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            if let (label, value) = VacancyLabel.parse(content) {
                section = label.isList && value.isEmpty ? label : nil
                markedList = false
                switch label {
                case .title: break
                case .employer: labelledEmployer = value.nonEmpty
                case .city:
                    labelledCity = value.nonEmpty
                    terms.append(value)
                case .workMode: terms.append(value)
                case .employment: terms.append(value + " занятость")
                case .salary: readSalary(value, marked: true)
                case .duties, .requirements, .conditions: if !value.isEmpty { append(value, to: label) }
                case .contacts: contactLinks += line.links
                case .apply: applyLinks += line.links
                }
                if label == .salary || label == .conditions { terms.append(value) }
                continue
            }
            // A list goes on while its items are marked, or, unmarked, until a blank line.
            if let section, !markedList || mark != .none {
                markedList = markedList || mark != .none
                append(content, to: section)
                if section == .conditions {
                    terms.append(content)
                    if !salaryIsMarked, SalaryText.mentionsMoney(content) {
                        readSalary(content, marked: SalaryText.isMarked(line.text))
                    }
                }
                continue
            }
            info.append(content)
            terms.append(content)
            if !salaryIsMarked, SalaryText.mentionsMoney(content) {
                readSalary(content, marked: SalaryText.isMarked(line.text))
            }
        }
        let all = lines.reduce(
            into: (links: [PostLink](), mentions: [String](), emails: [String](), phones: [String]())
        ) {
            $0.links += $1.links
            $0.mentions += $1.mentions
            $0.emails += $1.emails
            $0.phones += $1.phones
        }
        contacts = Self.unique(all.mentions + contactLinks.map(\.url) + all.emails + all.phones)
        let links = all.links.filter { !contactLinks.contains($0) }
        let preferred = links.first {
            ["здесь", "откликнуться", "тут", "ссылке", "ссылка", "подробнее", "анкета"].contains(
                $0.text.lowercased().trimmingCharacters(in: .punctuationCharacters)
            )
        }
        applyURL = (applyLinks.first ?? preferred ?? links.first)?.url
        employer = (labelledEmployer ?? info.lazy.compactMap(Self.employer(describedBy:)).first ?? employer)
            .map(Self.withoutEmoji).flatMap(\.nonEmpty)
        let text = terms.joined(separator: "\n")
        city = labelledCity.map { VacancyTerms.city(in: $0) ?? $0 } ?? VacancyTerms.city(in: text)
        workMode = VacancyTerms.workMode(in: text)
        employment = VacancyTerms.employment(in: text)
    }

    private mutating func append(_ item: String, to label: VacancyLabel) {
        switch label {
        case .duties: duties.append(item)
        case .requirements: requirements.append(item)
        default: conditions.append(item)
        }
    }

    /// Reads the salary from a line, unless one is read already: a line marked as pay (a `ЗП:`
    /// label, ``SalaryText/isMarked(_:)``) replaces one read from an unmarked line, which may name
    /// a sum of something else.
    private mutating func readSalary(_ text: String, marked: Bool) {
        guard salary == nil || marked && !salaryIsMarked, let read = SalaryText.parse(text) else { return }
        salary = read
        salaryLine = text
        salaryIsMarked = marked
    }

    /// The title line: its first clause is the title; the rest tells salary and terms.
    private mutating func readTitle(_ content: String) {
        var clause = Substring(content)
        var rest = ""
        for separator in [" — ", " – ", " | ", " - "] {
            if let range = clause.range(of: separator) {
                rest = String(clause[range.upperBound...])
                clause = clause[..<range.lowerBound]
                break
            }
        }
        if let open = clause.firstIndex(of: "("), clause.last == ")" {
            rest = String(clause[clause.index(after: open)..<clause.index(before: clause.endIndex)]) + ", " + rest
            clause = clause[..<open]
        }
        title = VacancyTerms.title(clause.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "!.:"))))
        employer = Self.employer(inTitle: title)
        if !rest.isEmpty {
            if SalaryText.mentionsMoney(rest) { readSalary(rest, marked: SalaryText.isMarked(rest)) }
            let name = rest.prefix { $0 != "," }.trimmingCharacters(in: .whitespaces)
            if employer == nil, name.first.map({ $0.isUppercase || $0 == "«" }) ?? false,
                name.split(separator: " ").count <= 4, VacancyTerms.workMode(in: name) == nil,
                VacancyTerms.city(in: name) == nil, !SalaryText.mentionsMoney(name)
            {
                employer = name.trimmingCharacters(in: .init(charactersIn: "«»\""))
            }
            info.append(rest)
        }
    }

    /// `Компания «Имя»`, or the name after ` в `, ` от `, ` at `, ` @ ` when it starts with a capital;
    /// right after ` в ` or ` во `, in the nominative (`в Яндексе` → `Яндекс`, ``CompanyName``).
    private static func employer(inTitle title: String) -> String? {
        if let open = title.firstIndex(of: "«"), let close = title[open...].firstIndex(of: "»") {
            // "в Фонд «Вера»", "в АНО «Вера»": a capitalized word before the quotes is the name's.
            let before = title[..<open].split(separator: " ")
            if before.count > 1, let word = before.last, word.first?.isUppercase == true {
                return String(title[word.startIndex...close])
            }
            return String(title[title.index(after: open)..<close])
        }
        for word in [" в ", " во ", " от ", " at ", " @ "] {
            guard let range = title.range(of: word, options: .backwards) else { continue }
            // "в команду сообщества Авито": the capitalized words at the end, as written.
            let words = title[range.upperBound...].split(separator: " ")
            let capitalized = words.drop { !($0.first?.isUppercase ?? false) }
            var name = capitalized.joined(separator: " ")
            if word == " в " || word == " во ", capitalized.count == words.count {
                name = CompanyName.nominative(name)
            }
            if !name.isEmpty, VacancyTerms.city(in: name) == nil { return name }
        }
        return nil
    }

    /// `Skyeng — онлайн-школа…` or `Skyeng ищет…`: the name before the dash or the verb.
    private static func employer(describedBy line: String) -> String? {
        for marker in [" — ", " – ", " ищет ", " ищут ", " в поиске "] {
            guard let range = line.range(of: marker) else { continue }
            let name = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard name.count <= 80, name.first.map({ $0.isUppercase || $0 == "«" || $0.isNumber }) ?? false,
                VacancyTerms.workMode(in: name) == nil, !SalaryText.mentionsMoney(name)
            else { continue }
            return name.trimmingCharacters(in: .init(charactersIn: "«»\""))
        }
        return nil
    }

    /// A name without the emoji around it: `Relocode 🇷🇸` → `Relocode`.
    private static func withoutEmoji(_ name: String) -> String {
        func isEmoji(_ character: Character) -> Bool {
            character.unicodeScalars.contains {
                $0.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains($0.value)
            }
        }
        let kept = name.drop { isEmoji($0) || $0.isWhitespace }
        return String(kept.reversed().drop { isEmoji($0) || $0.isWhitespace }.reversed())
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}

extension Vacancy {
    /// Whether text without a title holds what vacancies hold: duties, requirements, a salary or
    /// an apply line.
    static func looksLikeVacancy(_ lines: [PostLine]) -> Bool {
        lines.contains { line in
            guard let label = VacancyLabel.parse(line.content)?.label else { return false }
            return [.duties, .requirements, .salary, .apply].contains(label)
        }
    }
}
