extension SiteWords {
    /// The frame of every page: navigation, the language switch, footers, errors.
    static let layoutWords: [String: (ru: String, en: String)] = [
        "skip": ("Перейти к содержанию", "Skip to content"),
        "nav.label": ("Разделы", "Sections"),
        "nav.jobs": ("Вакансии", "Jobs"),
        "nav.events": ("События", "Events"),
        "nav.communities": ("Сообщества", "Communities"),
        "nav.digests": ("Дайджесты", "Digests"),
        "nav.market": ("Рынок", "Market"),
        "nav.node": ("Узел", "Node"),
        "language.name": ("Русский", "English"),
        "language.switch": ("English", "Русский"),
        "footer.about": (
            "Узел Artel: вакансии и события сообществ федерации. Всё на этой странице подписано сообществом, которое это опубликовало.",
            "An Artel node: vacancies and events of the federation's communities. Everything on this page is signed by the community that published it."
        ),
        "footer.api": ("API и ленты", "API and feeds"),
        "error.title": ("Не получилось", "Something is wrong"),
        "error.notFound": ("Такой страницы нет", "There is no such page"),
        "error.notFoundText": (
            "Запись могла быть удалена, снята с публикации или ещё не дошла до этого узла.",
            "The record may have been deleted, unpublished, or not yet reached this node."
        ),
        "error.back": ("На главную", "Back to the board"),
        "live.updated": ("Появились новые записи", "New listings arrived"),
        "pages.previous": ("← Назад", "← Previous"),
        "pages.next": ("Дальше →", "Next →"),
        "pages.label": ("Страницы", "Pages"),
        "pages.of": ("Страница {page} из {pages}", "Page {page} of {pages}"),
    ]
}
