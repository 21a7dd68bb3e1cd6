extension SiteWords {
    /// The market page.
    static let marketWords: [String: (ru: String, en: String)] = [
        "market.title": ("Рынок вакансий", "The job market"),
        "market.lead": (
            "Вакансия, опубликованная в нескольких сообществах или источниках, считается один раз. У каждой цифры — размер выборки n.",
            "A vacancy listed by several communities or sources counts once. Every figure shows its sample size n."
        ),
        "market.period": ("Период", "Period"),
        "market.unstated": ("не указано", "not stated"),
        "market.months3": ("3 месяца", "3 months"),
        "market.months6": ("6 месяцев", "6 months"),
        "market.months12": ("12 месяцев", "12 months"),
        "market.months24": ("24 месяца", "24 months"),
        "market.community": ("Сообщество", "Community"),
        "market.all": ("все", "all"),
        "market.show": ("Показать", "Show"),
        "market.summary": (
            "Вакансий: {vacancies}, объявлений: {listings}",
            "Vacancies: {vacancies}, listings: {listings}"
        ),
        "market.perMonth": ("Вакансии по месяцам", "Vacancies per month"),
        "market.partialNote": (
            "Штриховка: период захватывает лишь часть месяца",
            "Hatched: the period covers only part of the month"
        ),
        "market.salaryPerMonth": ("Медиана зарплаты по месяцам", "Median salary per month"),
        "market.salaryTerms": ("В чём", "Terms"),
        "market.noSalaries": ("Вакансий с зарплатой пока нет.", "No vacancies with a salary yet."),
        "market.byCommunity": ("По сообществам", "By community"),
        "market.byCity": ("По городам", "By city"),
        "market.byWorkMode": ("По формату работы", "By work mode"),
        "market.bySource": ("Сообщества и hh.ru", "Communities and hh.ru"),
        "market.sourceCommunities": ("сообщества", "communities"),
        "market.month": ("Месяц", "Month"),
        "market.group": ("Группа", "Group"),
        "market.vacancies": ("Вакансий", "Vacancies"),
        "market.listings": ("Объявлений", "Listings"),
        "market.median": ("Медиана", "Median"),
        "market.quartiles": ("Квартили", "Quartiles"),
        "market.remoteShare": ("Удалённо", "Remote"),
        "market.partial": ("неполный", "partial"),
        "market.csv": ("Скачать цифры (CSV)", "Download the figures (CSV)"),
        "market.none": ("За этот период вакансий нет.", "No vacancies in this period."),
        "market.basis.gross": ("до вычета налогов", "before tax"),
        "market.basis.net": ("на руки", "take-home"),
    ]
}
