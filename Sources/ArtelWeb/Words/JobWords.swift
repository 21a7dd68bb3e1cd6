extension SiteWords {
    /// The job board and each job's page.
    static let jobWords: [String: (ru: String, en: String)] = [
        "jobs.title": ("Вакансии", "Jobs"),
        "jobs.lead": (
            "Открытые вакансии сообществ, с которыми дружит этот узел.",
            "Open vacancies of the communities this node federates with."
        ),
        "jobs.search": ("Поиск", "Search"),
        "jobs.searchPlaceholder": ("должность, компания, навык", "title, company, skill"),
        "jobs.filters": ("Фильтры", "Filters"),
        "jobs.community": ("Сообщество", "Community"),
        "jobs.city": ("Город", "City"),
        "jobs.workMode": ("Формат работы", "Work mode"),
        "jobs.employment": ("Занятость", "Employment"),
        "jobs.salaryFrom": ("Зарплата от", "Salary from"),
        "jobs.currency": ("Валюта", "Currency"),
        "jobs.tag": ("Тег", "Tag"),
        "jobs.posted": ("Опубликовано", "Posted"),
        "jobs.postedAny": ("когда угодно", "any time"),
        "jobs.posted1": ("за сутки", "in the last day"),
        "jobs.posted7": ("за неделю", "in the last week"),
        "jobs.posted30": ("за месяц", "in the last month"),
        "jobs.any": ("любой", "any"),
        "jobs.anyFeminine": ("любая", "any"),
        "jobs.anyNeuter": ("любое", "any"),
        "jobs.sort": ("Сортировка", "Sort"),
        "jobs.sortDate": ("сначала новые", "newest first"),
        "jobs.sortSalary": ("по зарплате", "by salary"),
        "jobs.apply": ("Показать", "Show"),
        "jobs.reset": ("Сбросить", "Reset"),
        "jobs.found.one": ("Нашлась {n} вакансия", "{n} vacancy found"),
        "jobs.found.few": ("Нашлось {n} вакансии", "{n} vacancies found"),
        "jobs.found.many": ("Нашлось {n} вакансий", "{n} vacancies found"),
        "jobs.none": (
            "Ничего не нашлось. Попробуйте убрать часть фильтров.",
            "Nothing found. Try removing some filters."
        ),
        "jobs.pastEnd": (
            "Эта страница за концом списка: в нём страниц — {pages}.",
            "This page is past the end of the list, which has {pages} pages."
        ),
        "jobs.toFirstPage": ("К первой странице", "To the first page"),
        "jobs.salaryNone": ("зарплата не указана", "salary not given"),
        "jobs.postedOn": ("Опубликовано", "Posted"),
        "jobs.validThrough": ("Актуально до", "Open until"),
        "jobs.listedBy": ("Опубликовали", "Listed by"),
        "jobs.applyButton": ("Откликнуться", "Apply"),
        "jobs.contact": ("Контакт", "Contact"),
        "jobs.description": ("Описание", "Description"),
        "jobs.duties": ("Что нужно делать", "What you will do"),
        "jobs.requirements": ("Требования", "Requirements"),
        "jobs.skills": ("Навыки", "Skills"),
        "jobs.experience": ("Опыт", "Experience"),
        "jobs.location": ("Где", "Where"),
        "jobs.tags": ("Теги", "Tags"),
        "jobs.source": ("Источник", "Source"),
        "jobs.feeds": ("Подписаться: Atom, JSON Feed", "Subscribe: Atom, JSON Feed"),
        "jobs.feedAtom": ("Лента Atom", "Atom feed"),
        "jobs.feedJSON": ("JSON Feed", "JSON Feed"),
        "jobs.invalid": ("Фильтр не понят", "A filter was not understood"),
    ]
}

extension SiteWords {
    /// What the board says of a filter it could not read.
    static let problemWords: [String: (ru: String, en: String)] = [
        "problem.community": ("«{value}» — не ключ сообщества", "«{value}» is not a community key"),
        "problem.workMode": ("неизвестный формат работы «{value}»", "unknown work mode «{value}»"),
        "problem.employment": ("неизвестный вид занятости «{value}»", "unknown employment «{value}»"),
        "problem.salary": (
            "зарплата — целое число, а не «{value}»",
            "salary is a whole number, not «{value}»"
        ),
        "problem.currency": (
            "валюта — трёхбуквенный код вроде RUB, а не «{value}»",
            "currency is a three-letter code such as RUB, not «{value}»"
        ),
    ]
}
