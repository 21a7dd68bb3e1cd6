/// The words that say what a line of a vacancy post is about: a job title, a city, a work mode,
/// a kind of employment.
enum VacancyTerms {
    /// Words that make a line a job title, as whole words (`комьюнити-менеджер` is read as
    /// `комьюнити` and `менеджер`), in the forms titles use, and the accusative of `Ищем менеджера`.
    static let roles: Set<String> = [
        "менеджер", "менеджера", "manager", "координатор", "координатора", "coordinator", "модератор", "модератора",
        "moderator", "лид", "lead", "head", "руководитель", "руководителя", "специалист", "специалиста", "specialist",
        "редактор", "редактора", "editor", "маркетолог", "маркетолога", "marketer", "аналитик", "analyst", "стажёр",
        "стажер", "стажёра", "стажера", "intern", "стажировка", "стажировку", "internship", "ассистент", "ассистента",
        "assistant", "продюсер", "продюсера", "producer", "директор", "директора", "director", "куратор", "куратора",
        "curator", "копирайтер", "копирайтера", "дизайнер", "дизайнера", "designer", "рекрутер", "рекрутера",
        "recruiter", "организатор", "организатора", "organizer", "амбассадор", "амбассадора", "ambassador",
        "администратор", "администратора", "administrator", "км", "devrel", "advocate", "евангелист", "evangelist",
        "волонтёр", "волонтер", "волонтёра", "волонтера", "volunteer", "разработчик", "разработчика", "developer",
        "инженер", "инженера", "engineer", "officer", "owner", "ведущий", "ведущего",
    ]

    /// Whether a line names a job: a role word among the first six words of its first clause
    /// (before ` — `, `:`, `,` or `(`).
    static func isTitle(_ content: String) -> Bool {
        let clause = content.prefix { $0 != ":" && $0 != "," && $0 != "(" && $0 != "—" && $0 != "|" }
        let words = clause.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(6)
        return words.contains { roles.contains(String($0)) }
    }

    /// Cities by the start of the forms they are written in (`в Москве`, `Мск`, `СПб`).
    private static let cities: [(stem: String, name: String)] = [
        ("москв", "Москва"), ("мск", "Москва"), ("санкт-петербург", "Санкт-Петербург"),
        ("петербург", "Санкт-Петербург"),
        ("спб", "Санкт-Петербург"), ("питер", "Санкт-Петербург"), ("казан", "Казань"), ("новосибирск", "Новосибирск"),
        ("екатеринбург", "Екатеринбург"), ("нижн", "Нижний Новгород"), ("краснодар", "Краснодар"), ("сочи", "Сочи"),
        ("самар", "Самара"), ("ростов", "Ростов-на-Дону"), ("перм", "Пермь"), ("тбилиси", "Тбилиси"),
        ("ереван", "Ереван"), ("алмат", "Алматы"), ("минск", "Минск"), ("белград", "Белград"),
        ("иннополис", "Иннополис"),
        ("калининград", "Калининград"), ("владивосток", "Владивосток"), ("томск", "Томск"), ("воронеж", "Воронеж"),
    ]

    /// The first city a text names, by its usual name.
    static func city(in text: String) -> String? {
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
            if let found = cities.first(where: { String(word).startsWithBytes($0.stem) }) {
                // "нижн" alone is "нижний" anything; only Нижний Новгород counts.
                if found.stem == "нижн" && !text.lowercased().hasBytes("новгород") { continue }
                return found.name
            }
        }
        return nil
    }

    /// The work mode a text states: `hybrid` (`гибрид`, or both office and remote), `remote`
    /// (`удалённо`, `удалёнка`, `remote`), `onsite` (`офис`, `в офисе`, `office`).
    static func workMode(in text: String) -> String? {
        let lowered = text.lowercased()
        let remote = lowered.hasAnyBytes(["удалён", "удален", "remote", "из любой точки", "дистанцион"])
        let office = lowered.hasAnyBytes(["офис", "office", "onsite", "on-site"])
        if lowered.hasBytes("гибрид") || lowered.hasBytes("hybrid") || remote && office { return "hybrid" }
        return remote ? "remote" : office ? "onsite" : nil
    }

    private static let volunteerWords: Set<String> = [
        "волонтёр", "волонтер", "волонтёрство", "волонтерство", "волонтёрская", "волонтерская", "volunteer",
        "volunteering",
    ]

    /// The accusative of role words after `Ищем`, back to the nominative of a title.
    private static let nominative = [
        "менеджера": "менеджер", "координатора": "координатор", "модератора": "модератор",
        "руководителя": "руководитель", "специалиста": "специалист", "редактора": "редактор",
        "маркетолога": "маркетолог", "стажёра": "стажёр", "стажера": "стажер", "ассистента": "ассистент",
        "продюсера": "продюсер", "директора": "директор", "куратора": "куратор", "дизайнера": "дизайнер",
        "организатора": "организатор", "администратора": "администратор", "волонтёра": "волонтёр",
    ]

    /// A title as a heading: `Ищем комьюнити-менеджера в Skyeng` becomes `Комьюнити-менеджер в Skyeng`.
    static func title(_ text: String) -> String {
        let lowered = text.lowercased()
        guard
            let verb = ["ищем ", "ищу ", "нужен ", "нужна ", "требуется ", "в поиске "].first(where: lowered.hasPrefix)
        else { return text }
        var words = text.dropFirst(verb.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let last = parts.last?.lowercased() ?? ""
            guard let base = nominative[last] else { continue }
            words[index] = (parts.dropLast() + [base]).joined(separator: "-")
            break
        }
        let joined = words.joined(separator: " ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }

    /// The kinds of employment a text states, as the job schema names them.
    static func employment(in text: String) -> [String] {
        let lowered = text.lowercased()
        let kinds: [(String, [String])] = [
            ("full_time", ["полная занятость", "полный день", "full-time", "full time", "фултайм", "фулл-тайм"]),
            ("part_time", ["частичн", "парт-тайм", "парттайм", "part-time", "part time", "неполн"]),
            ("contract", ["проектн", "фриланс", "freelance", "гпх", "по договору", "контракт", "самозанят"]),
            ("internship", ["стажир", "стажёр", "стажер", "intern"]),
        ]
        var found = kinds.filter { lowered.hasAnyBytes($0.1) }.map(\.0)
        // "волонтёров" is whom a coordinator works with; "волонтёр", "волонтёрство" is the job.
        let words = Set(lowered.split { !$0.isLetter }.map(String.init))
        if !words.isDisjoint(with: volunteerWords) || lowered.hasBytes("на общественных началах") {
            found.append("volunteer")
        }
        return found
    }
}
