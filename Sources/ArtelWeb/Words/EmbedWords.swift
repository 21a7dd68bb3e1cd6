extension SiteWords {
    /// The listings other sites embed.
    static let embedWords: [String: (ru: String, en: String)] = [
        "embed.jobs": ("Вакансии", "Jobs"),
        "embed.more": ("Все вакансии", "All jobs"),
        "embed.none": ("Открытых вакансий сейчас нет.", "No open vacancies right now."),
        "embed.source": ("Через Artel", "Through Artel"),
    ]
}
