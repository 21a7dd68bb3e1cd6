extension SiteWords {
    /// The editor's events, renewals and digests: their forms, questions and what was done.
    static let editorMoreWords: [String: (ru: String, en: String)] = [
        "editor.renew": ("Продлить", "Renew"),
        "editor.cancelEvent": ("Отменить", "Cancel"),
        "editor.newEvent": ("Новое событие", "New event"),
        "editor.editEvent": ("Изменить событие", "Edit the event"),
        "editor.newDigest": ("Собрать дайджест", "Compose a digest"),
        "editor.done.renewed": ("Вакансия продлена.", "The job is renewed."),
        "editor.done.eventCreated": ("Событие опубликовано.", "The event is published."),
        "editor.done.eventChanged": ("Событие изменено.", "The event is changed."),
        "editor.done.eventCancelled": ("Событие отменено.", "The event is cancelled."),
        "editor.done.eventDeleted": ("Событие удалено.", "The event is deleted."),
        "editor.confirm.renew": ("Продлить вакансию?", "Renew the job?"),
        "editor.button.renew": ("Да, продлить", "Yes, renew it"),
        "editor.renewUntil": (
            "Вакансия будет храниться на узлах федерации до {date}.",
            "The job will stay on the federation's nodes until {date}."
        ),
        "editor.confirm.event.cancel": ("Отменить событие?", "Cancel the event?"),
        "editor.button.event.cancel": ("Да, отменить", "Yes, cancel it"),
        "editor.confirm.event.delete": ("Удалить событие?", "Delete the event?"),
        "editor.button.event.delete": ("Да, удалить", "Yes, delete it"),
        "editor.problem.dateTime": (
            "Введите дату и время в виде ГГГГ-ММ-ДД ЧЧ:ММ", "Enter a date and time as YYYY-MM-DD HH:MM"
        ),
        "editor.problem.timeZone": (
            "Нет такого часового пояса: нужен идентификатор IANA, например Europe/Moscow",
            "No such time zone: it takes an IANA identifier such as Europe/Moscow"
        ),
        "editor.event.field.title": ("Название", "Title"),
        "editor.event.field.type": ("Тип", "Type"),
        "editor.event.field.description": ("Описание", "Description"),
        "editor.event.field.start": ("Начало", "Starts"),
        "editor.event.field.end": ("Конец", "Ends"),
        "editor.event.field.timezone": ("Часовой пояс", "Time zone"),
        "editor.event.field.attendance": ("Формат", "Format"),
        "editor.event.field.place.name": ("Место", "Venue"),
        "editor.event.field.place.address": ("Адрес", "Address"),
        "editor.event.field.place.city": ("Город", "City"),
        "editor.event.field.place.country": ("Страна", "Country"),
        "editor.event.field.online_urls": ("Ссылки для подключения", "Links to join online"),
        "editor.event.field.registration_url": ("Ссылка на регистрацию", "Where to register"),
        "editor.event.field.price": ("Цена", "Price"),
        "editor.event.field.capacity": ("Мест", "Places"),
        "editor.event.field.language": ("Язык", "Language"),
        "editor.event.field.status": ("Статус", "Status"),
        "editor.event.field.tags": ("Теги", "Tags"),
        "editor.event.hint.start": (
            "Время в часовом поясе события, ниже", "The time in the event's time zone, below"
        ),
        "editor.event.hint.timezone": (
            "Идентификатор IANA, например Europe/Moscow", "An IANA identifier such as Europe/Moscow"
        ),
        "editor.event.hint.online_urls": (
            "Ссылки https://, через запятую", "https:// links, separated by commas"
        ),
        "editor.event.hint.registration_url": ("Ссылка https://, mailto: или tg:", "An https://, mailto: or tg: link"),
        "editor.event.hint.price": ("Текстом, например «бесплатно» или «1500 ₽»", "As text, e.g. “free” or “1500 ₽”"),
        "editor.event.hint.language": ("Код языка, например ru или en", "A language tag such as ru or en"),
        "editor.event.hint.tags": ("Через запятую", "Separated by commas"),
        "editor.digest.title": ("Собрать дайджест", "Compose a digest"),
        "editor.digest.field.from": ("С какого дня", "From"),
        "editor.digest.field.until": ("По какой день", "Until"),
        "editor.digest.field.title": ("Заголовок дайджеста", "The digest's title"),
        "editor.digest.field.publisher": ("От имени сообщества", "Published by"),
        "editor.digest.field.items": ("Вакансии", "Vacancies"),
        "editor.digest.communities": ("Вакансии сообществ", "Jobs of the communities"),
        "editor.digest.communitiesHint": (
            "Не отмечено ни одного — берутся все сообщества узла.",
            "With none ticked, every community this node holds."
        ),
        "editor.digest.compose": ("Подобрать вакансии", "Find the vacancies"),
        "editor.digest.vacancies": ("Вакансии дайджеста", "The digest's vacancies"),
        "editor.digest.found": (
            "Вакансий: {vacancies}; повторов объединено: {merged}.",
            "{vacancies} vacancies; {merged} repeated listings merged."
        ),
        "editor.digest.position": ("Место", "Position"),
        "editor.digest.merged": ("Объединена с", "Merged with"),
        "editor.digest.reason.sameLink": ("та же ссылка для отклика", "the same apply link"),
        "editor.digest.reason.sameEmployerAndTitle": (
            "тот же работодатель и должность", "the same employer and title"
        ),
        "editor.digest.reason.throughAnother": (
            "совпала с другой объединённой вакансией", "it matches another merged listing"
        ),
        "editor.digest.reorder": ("Применить порядок", "Apply the order"),
        "editor.digest.publish": ("Опубликовать дайджест", "Publish the digest"),
        "editor.digest.none": ("За этот период вакансий нет.", "No vacancies in this period."),
        "editor.problem.period": ("Период кончается раньше, чем начинается", "The period ends before it starts"),
        "editor.problem.empty": (
            "Нечего публиковать: выберите другой период или сообщества",
            "Nothing to publish: choose another period or communities"
        ),
        "editor.problem.tooMany": (
            "В дайджесте может быть не больше 500 вакансий: сузьте период",
            "A digest lists at most 500 vacancies: narrow the period"
        ),
    ]
}
