extension Catalog {
    /// Russian, the language of this federation and of every community that names none.
    public static let russian = Catalog(
        language: "ru",
        groupSeparator: "\u{00A0}",
        currencies: ["RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "BYN": "Br", "UAH": "₴", "GBP": "£"],
        table: [
            .salaryFrom: "от",
            .salaryUpTo: "до",
            .perHour: "/час",
            .perDay: "/день",
            .perMonth: "/мес",
            .perYear: "/год",
            .perProject: " за проект",
            .salaryGross: "до вычета налогов",
            .salaryTakeHome: "на руки",
            .remote: "удалённо",
            .hybrid: "гибрид",
            .onsite: "офис",
            .fullTime: "полная занятость",
            .partTime: "частичная занятость",
            .contract: "проектная работа",
            .internship: "стажировка",
            .volunteer: "волонтёрство",
            .dutiesHeading: "Что нужно делать",
            .requirementsHeading: "Требования",
        ]
    )
}
