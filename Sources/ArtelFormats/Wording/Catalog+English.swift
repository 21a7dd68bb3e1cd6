extension Catalog {
    /// English, for communities that say `en` and for languages without a table of their own.
    public static let english = Catalog(
        language: "en",
        groupSeparator: ",",
        currencies: ["RUB": "₽", "USD": "$", "EUR": "€", "KZT": "₸", "UAH": "₴", "GBP": "£"],
        table: [
            .salaryFrom: "from",
            .salaryUpTo: "up to",
            .perHour: "/hour",
            .perDay: "/day",
            .perMonth: "/month",
            .perYear: "/year",
            .perProject: " per project",
            .salaryGross: "before tax",
            .salaryTakeHome: "take-home",
            .remote: "remote",
            .hybrid: "hybrid",
            .onsite: "on-site",
            .fullTime: "full-time",
            .partTime: "part-time",
            .contract: "contract",
            .internship: "internship",
            .volunteer: "volunteer",
            .dutiesHeading: "Responsibilities",
            .requirementsHeading: "Requirements",
        ]
    )
}
