import Testing

@testable import ArtelWeb

@Suite("What an editor types into a job's form")
struct JobFormTests {
    @Test(
        "A link is made whole as people leave it out; anything else is left for the field's check",
        arguments: [
            ("t.me/romashka_hr", "https://t.me/romashka_hr"),
            ("hh.ru/vacancy/93354567", "https://hh.ru/vacancy/93354567"),
            ("@romashka_hr", "https://t.me/romashka_hr"), ("hr@romashka.ru", "mailto:hr@romashka.ru"),
            ("https://romashka.ru/jobs", "https://romashka.ru/jobs"),
            ("tg://resolve?domain=x", "tg://resolve?domain=x"),
            ("пишите в личку", "пишите в личку"), ("", ""),
            ("https://romashka.ru/jobs/<manager> 1", "https://romashka.ru/jobs/%3Cmanager%3E%201"),
            ("romashka.ru/jobs?q=\"cm\"", "https://romashka.ru/jobs?q=%22cm%22"),
            // Not an address yet: left for the field's check, which refuses it.
            ("hr@", "hr@"), ("hr@romashka", "hr@romashka"), ("hr@@romashka.ru", "hr@@romashka.ru"),
        ]
    )
    func links(typed: String, stored: String) {
        #expect(JobForm.link(typed) == stored)
    }

    @Test(
        "A currency is its code however it is typed",
        arguments: [("rub", "RUB"), ("руб.", "RUB"), ("₽", "RUB"), ("$", "USD"), ("евро", "EUR"), ("kzt", "KZT")]
    )
    func currencies(typed: String, code: String) {
        #expect(JobForm.currency(typed) == code)
    }
}
