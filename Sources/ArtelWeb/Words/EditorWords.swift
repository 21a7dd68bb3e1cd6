extension SiteWords {
    /// The editor's pages: the dashboard, the job form and its problems, confirmations, refusals.
    static let editorWords: [String: (ru: String, en: String)] = [
        "editor.title": ("Редакция", "Editor"),
        "editor.jobs": ("Вакансии", "Jobs"),
        "editor.events": ("События", "Events"),
        "editor.noJobs": ("Вакансий пока нет.", "No jobs yet."),
        "editor.noEvents": ("Предстоящих событий нет.", "No coming events."),
        "editor.newJob": ("Новая вакансия", "New job"),
        "editor.editJob": ("Изменить вакансию", "Edit the job"),
        "editor.edit": ("Изменить", "Edit"),
        "editor.close": ("Закрыть", "Close"),
        "editor.delete": ("Удалить", "Delete"),
        "editor.back": ("← К редакции", "← Back to the editor"),
        "editor.save": ("Сохранить", "Save"),
        "editor.cancel": ("Отмена", "Cancel"),
        "editor.community": ("Сообщество", "Community"),
        "editor.problems": ("Исправьте ошибки", "Please fix these problems"),
        "editor.status.open": ("открыта", "open"),
        "editor.status.closed": ("закрыта", "closed"),
        "editor.status.filled": ("закрыта: нашли человека", "filled"),
        "editor.done.created": ("Вакансия опубликована.", "The job is published."),
        "editor.done.changed": ("Вакансия изменена.", "The job is changed."),
        "editor.done.closed": ("Вакансия закрыта.", "The job is closed."),
        "editor.done.deleted": ("Вакансия удалена.", "The job is deleted."),
        "editor.confirm.close": ("Закрыть вакансию?", "Close the job?"),
        "editor.confirm.delete": ("Удалить вакансию?", "Delete the job?"),
        "editor.button.close": ("Да, закрыть", "Yes, close it"),
        "editor.button.delete": ("Да, удалить", "Yes, delete it"),
        "editor.deleteForGood": (
            "Удаление необратимо: вакансия исчезнет на всех узлах федерации.",
            "Deleting cannot be undone: the job disappears on every node of the federation."
        ),
        "editor.event.deleteForGood": (
            "Удаление необратимо: событие исчезнет на всех узлах федерации.",
            "Deleting cannot be undone: the event disappears on every node of the federation."
        ),
        "editor.forbidden": ("Нет доступа", "Not allowed"),
        "editor.forbiddenText": (
            "Ваша учётная запись не может этого делать: нужна роль редактора этого сообщества и этого вида записей.",
            "Your account may not do this: it takes an editor of this community and this kind of record."
        ),
        "editor.failure.signature": (
            "Узел не смог подписать запись вашим ключом: {detail}. Ничего не сохранено.",
            "The node could not sign the record with your key: {detail}. Nothing was saved."
        ),
        "editor.field.title": ("Должность", "Title"),
        "editor.field.employer": ("Работодатель", "Employer"),
        "editor.field.description": ("Описание", "Description"),
        "editor.field.salary_min": ("Зарплата от", "Salary from"),
        "editor.field.salary_max": ("Зарплата до", "Salary up to"),
        "editor.field.salary_currency": ("Валюта", "Currency"),
        "editor.field.salary_period": ("За период", "Per"),
        "editor.field.employment": ("Занятость", "Employment"),
        "editor.field.work_mode": ("Формат работы", "Work mode"),
        "editor.field.location.city": ("Город", "City"),
        "editor.field.apply_url": ("Ссылка для отклика", "Where to apply"),
        "editor.field.contact": ("Контакт", "Contact"),
        "editor.field.valid_through": ("Открыта до", "Open until"),
        "editor.field.tags": ("Теги", "Tags"),
        "editor.hint.salary_currency": ("Код ISO 4217, например RUB или EUR", "An ISO 4217 code such as RUB or EUR"),
        "editor.hint.apply_url": (
            "Ссылка на сайт, адрес почты (hr@romashka.ru) или @имя в Telegram",
            "A web link, an e-mail address (hr@romashka.ru) or a Telegram @name"
        ),
        "editor.hint.tags": ("Через запятую", "Separated by commas"),
        "editor.choice.none": ("—", "—"),
        "editor.choice.hour": ("час", "hour"),
        "editor.choice.day": ("день", "day"),
        "editor.choice.month": ("месяц", "month"),
        "editor.choice.year": ("год", "year"),
        "editor.choice.project": ("проект", "project"),
        "editor.problem.required": ("Заполните это поле", "Fill in this field"),
        "editor.problem.tooLong": ("Слишком длинно", "Too long"),
        "editor.problem.choice": ("Выберите значение из списка", "Choose a value from the list"),
        "editor.problem.url": (
            "Нужна ссылка http(s), mailto или tg", "It takes an http(s), mailto or tg link"
        ),
        "editor.problem.range": (
            "Верхняя граница меньше нижней", "The upper bound is below the lower one"
        ),
        "editor.fieldProblem.end.range": ("Конец раньше начала", "The end is before the start"),
        "editor.fieldProblem.apply_url.url": (
            "Нужна ссылка на сайт, адрес почты целиком (hr@romashka.ru) или @имя в Telegram",
            "It takes a web link, a whole e-mail address (hr@romashka.ru) or a Telegram @name"
        ),
        "editor.fieldProblem.salary_currency.invalid": (
            "Код валюты из трёх латинских букв, например RUB, USD или EUR",
            "A currency code of three capital letters, such as RUB, USD or EUR"
        ),
        "editor.fieldProblem.language.invalid": ("Код языка, например ru или en", "A language code such as ru or en"),
        "editor.problem.integer": ("Введите целое число", "Enter a whole number"),
        "editor.problem.date": ("Введите дату в виде ГГГГ-ММ-ДД", "Enter a date as YYYY-MM-DD"),
        "editor.problem.invalid": ("Проверьте значение", "Check this value"),
    ]
}
