extension SiteWords {
    /// The listings other sites embed.
    static let embedWords: [String: (ru: String, en: String)] = [
        "embed.jobs": ("Вакансии", "Jobs"),
        "embed.more": ("Все вакансии", "All jobs"),
        "embed.none": ("Открытых вакансий сейчас нет.", "No open vacancies right now."),
        "embed.events": ("События", "Events"),
        "embed.moreEvents": ("Все события", "All events"),
        "embed.noEvents": ("Ближайших событий нет.", "No coming events."),
        "embed.source": ("Через Artel", "Through Artel"),
    ]
}
