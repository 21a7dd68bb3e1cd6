extension SiteWords {
    /// Every area's texts, each key with its Russian and English text side by side, so that no key
    /// can lack a language.
    static let areas: [[String: (ru: String, en: String)]] = [
        layoutWords, jobWords, problemWords, digestWords, marketWords, embedWords,
        eventWords, calendarWords, communityWords, nodeWords, accountWords, editorWords,
        moderationWords,
        operatorWords,
        proposalWords,
        importWords,
        editorMoreWords,
    ]

    /// The site in Russian.
    public static let russian = SiteWords(language: "ru", table: table { $0.ru })
    /// The site in English.
    public static let english = SiteWords(language: "en", table: table { $0.en })

    private static func table(_ pick: ((ru: String, en: String)) -> String) -> [String: String] {
        areas.reduce(into: [:]) { table, area in
            for (key, texts) in area {
                precondition(table[key] == nil, "the site word \(key) is defined twice")
                table[key] = pick(texts)
            }
        }
    }
}
