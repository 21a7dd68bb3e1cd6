extension SiteWords {
    /// The digests: the latest, the archive, one digest's page.
    static let digestWords: [String: (ru: String, en: String)] = [
        "digests.title": ("Дайджесты", "Digests"),
        "digests.lead": (
            "Подборки вакансий, которые сообщества собирают из своих и чужих объявлений.",
            "Selections of vacancies that communities make from their own listings and their partners'."
        ),
        "digests.latest": ("Свежий дайджест", "The latest digest"),
        "digests.archive": ("Архив", "Archive"),
        "digests.none": ("Дайджестов пока нет.", "No digests yet."),
        "digests.period": ("Период", "Period"),
        "digests.by": ("Собрало", "Made by"),
        "digests.open": ("Открыть дайджест", "Open the digest"),
        "digests.vacancies.one": ("{n} вакансия", "{n} vacancy"),
        "digests.vacancies.few": ("{n} вакансии", "{n} vacancies"),
        "digests.vacancies.many": ("{n} вакансий", "{n} vacancies"),
        "digests.alsoListed": ("Также опубликовали", "Also listed by"),
        "digests.telegram": ("Текст для Telegram", "Text for Telegram"),
        "digests.telegramHint": (
            "Скопируйте и вставьте в канал: разметка Telegram уже на месте.",
            "Copy and paste it into a channel: the Telegram formatting is in place."
        ),
        "digests.copy": ("Скопировать", "Copy"),
        "digests.copied": ("Скопировано", "Copied"),
        "digests.markdown": ("Markdown", "Markdown"),
        "digests.html": ("HTML для рассылки", "HTML for a newsletter"),
    ]
}
