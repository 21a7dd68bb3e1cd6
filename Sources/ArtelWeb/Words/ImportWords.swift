extension SiteWords {
    /// The editor's import: the upload form, its problems, the dry run, the outcome.
    static let importWords: [String: (ru: String, en: String)] = [
        "import.link": ("Импорт из файла", "Import a file"),
        "import.title": ("Импорт из файла", "Import a file"),
        "import.intro": (
            "Загрузите файл: сначала вы увидите, что будет создано и что пропущено, и только потом подтвердите импорт.",
            "Upload a file: you first see what will be created and what is skipped, and only then confirm the import."
        ),
        "import.formatLabel": ("Формат", "Format"),
        "import.format.telegram": ("Экспорт Telegram-канала (result.json)", "Telegram channel export (result.json)"),
        "import.format.ics": ("Календарь iCalendar (.ics)", "iCalendar file (.ics)"),
        "import.format.hh": ("Вакансии hh.ru (JSON)", "hh.ru vacancies (JSON)"),
        "import.file": ("Файл", "File"),
        "import.fileHint": ("Не больше {size} МБ.", "At most {size} MB."),
        "import.channel": ("Имя Telegram-канала", "Telegram channel's username"),
        "import.channelHint": (
            "Для экспорта Telegram: латинские буквы, цифры и _, как в t.me/ИМЯ — для ссылок на посты.",
            "For a Telegram export: letters, digits and _, as in t.me/USERNAME — for the links to the posts."
        ),
        "import.events": ("Также события из анонсов канала", "Also the channel's event announcements"),
        "import.chat": ("Чат в выгрузке аккаунта", "Chat of an account's export"),
        "import.chatHint": (
            "Только если выгрузка всего аккаунта Telegram содержит несколько каналов: имя или id нужного.",
            "Only when an export of a whole Telegram account holds several channels: the name or id of the one."
        ),
        "import.preview": ("Показать, что будет импортировано", "Show what will be imported"),
        "import.problem.file": ("Выберите файл", "Choose a file"),
        "import.problem.tooLarge": (
            "Файл больше {size} МБ. Ничего не сохранено.",
            "The file is larger than {size} MB. Nothing was stored."
        ),
        "import.problem.malformed": (
            "Файл не читается как {format}: {detail}. Ничего не сохранено.",
            "The file cannot be read in the format “{format}”: {detail}. Nothing was stored."
        ),
        "import.problem.notJSON": ("это не JSON", "it is not JSON"),
        "import.problem.notTelegramExport": (
            "это не выгрузка Telegram Desktop: в ней нет ни сообщений (messages), ни списка чатов (chats)",
            "it is not a Telegram Desktop export: it has neither messages nor chats"
        ),
        "import.problem.notICalendar": (
            "файл календаря начинается со строки BEGIN:VCALENDAR, а этот — нет",
            "an iCalendar file begins with BEGIN:VCALENDAR, and this one does not"
        ),
        "import.problem.severalChats": (
            "В выгрузке несколько подходящих чатов: {choices}. Впишите имя или id нужного.",
            "The export holds several such chats: {choices}. Give the name or id of the one to import."
        ),
        "import.problem.noSuchChat": (
            "В выгрузке нет чата «{chat}». В ней есть: {choices}.",
            "The export holds no chat “{chat}”. It holds: {choices}."
        ),
        "import.problem.noChannel": (
            "В выгрузке нет ни одного канала. В ней есть: {choices}. Впишите имя или id нужного чата.",
            "The export holds no channel. It holds: {choices}. Give the name or id of the chat to import."
        ),
        "import.problem.notUTF8": (
            "текст не в кодировке UTF-8; сохраните файл в UTF-8 и загрузите снова",
            "its text is not UTF-8; save the file as UTF-8 and upload it again"
        ),
        "import.problem.channel": (
            "Укажите имя канала: латинские буквы, цифры и _",
            "Give the channel's username: letters, digits and _"
        ),
        "import.problem.format": ("Выберите формат из списка", "Choose a format from the list"),
        "import.problem.refused": (
            "Узел не примет эти записи: {detail}. Ничего не сохранено.",
            "The node would not accept these records: {detail}. Nothing was stored."
        ),
        "import.problem.expired": (
            "Загруженный файл больше не хранится (прошёл час или импорт уже выполнен). Загрузите его снова.",
            "The uploaded file is no longer kept (an hour has passed or it was imported already). Upload it again."
        ),
        "import.dryRun": ("Что будет импортировано", "What will be imported"),
        "import.back": ("← Загрузить другой файл", "← Upload another file"),
        "import.dryRunIntro": (
            "Пока ничего не сохранено. Файл «{file}» → {community}.",
            "Nothing is stored yet. The file “{file}” → {community}."
        ),
        "import.summary": (
            "Будет создано: {created}, обновлено: {updated}, продлено: {renewed}; без изменений: {unchanged}; пропущено: {skipped}.",
            "To create: {created}, to update: {updated}, to renew: {renewed}; unchanged: {unchanged}; skipped: {skipped}."
        ),
        "import.entry.post": ("Пост {id}", "Post {id}"),
        "import.noLongerInPost": (
            "Больше нет в посте — вакансии останутся на сайте, пока их не удалят:",
            "No longer in the post — the jobs stay on the site until deleted:"
        ),
        "import.untitled": ("(без названия)", "(untitled)"),
        "import.outcome.created": ("будет создана", "will be created"),
        "import.outcome.updated": ("будет обновлена", "will be updated"),
        "import.outcome.unchanged": ("уже такая же — пропущена", "already the same — skipped"),
        "import.outcome.renewed": ("без изменений, будет продлена", "unchanged, will be renewed"),
        "import.outcome.deleted": ("удалена здесь — пропущена", "deleted here — skipped"),
        "import.outcome.editedHere": (
            "в файле та же, но изменена здесь после импорта — правка сохранится",
            "the same in the file, but edited here since its import — the edit is kept"
        ),
        "import.outcome.event.created": ("будет создано", "will be created"),
        "import.outcome.event.updated": ("будет обновлено", "will be updated"),
        "import.outcome.event.unchanged": ("уже такое же — пропущено", "already the same — skipped"),
        "import.outcome.event.renewed": ("без изменений, будет продлено", "unchanged, will be renewed"),
        "import.outcome.event.deleted": ("удалено здесь — пропущено", "deleted here — skipped"),
        "import.outcome.event.editedHere": (
            "в файле то же, но изменено здесь после импорта — правка сохранится",
            "the same in the file, but edited here since its import — the edit is kept"
        ),
        "import.skip.service": ("пропущен: служебное сообщение", "skipped: a service message"),
        "import.skip.no hashtag": ("пропущен: нет хэштега вакансии", "skipped: no vacancy hashtag"),
        "import.skip.no vacancy": (
            "пропущен: есть хэштег, но вакансию не удалось прочитать",
            "skipped: a vacancy hashtag, but no vacancy could be read"
        ),
        "import.skip.unreadable event": ("пропущено: событие не прочитано", "skipped: the event could not be read"),
        "import.leftOut": ("Не вошло:", "Left out:"),
        "import.leftOutPart.noSubstance": (
            "«{quoted}» — только название вакансии: ни обязанностей, ни требований, ни зарплаты, ни контакта, ни ссылки",
            "“{quoted}” names a job but gives no duties, requirements, salary, contact or link"
        ),
        "import.leftOutPart.noTitle": (
            "текст с пунктами вакансии, но без её названия («{quoted}»)",
            "text with a vacancy's labels but no job title (“{quoted}”)"
        ),
        "import.leftOutPart.salaryOutOfRange": (
            "зарплата «{quoted}» — сумма вне разумных пределов; вакансия вошла без неё",
            "the salary “{quoted}” is out of range; the vacancy is imported without it"
        ),
        "import.leftOutPart.salaryGoesDown": (
            "зарплата «{quoted}» — «от» больше, чем «до»; вакансия вошла без неё",
            "the salary “{quoted}” goes from more down to less; the vacancy is imported without it"
        ),
        "import.event.named": ("событие «{summary}»", "the event “{summary}”"),
        "import.event.unnamed": ("событие без названия", "an untitled event"),
        "import.leftOutPart.event.noUID": (
            "{event} (строка {line}): нет UID — без него повторный импорт не узнал бы событие",
            "{event} (line {line}): no UID, without which an import again could not tell the event"
        ),
        "import.leftOutPart.event.noSummary": (
            "событие на строке {line}: нет названия (SUMMARY)",
            "the event on line {line}: no title (SUMMARY)"
        ),
        "import.leftOutPart.event.noStart": (
            "{event} (строка {line}): нет даты начала (DTSTART)",
            "{event} (line {line}): no start (DTSTART)"
        ),
        "import.leftOutPart.event.endsBeforeStart": (
            "{event} (строка {line}): заканчивается раньше, чем начинается",
            "{event} (line {line}): ends before it starts"
        ),
        "import.leftOutPart.event.notATime": (
            "{event} (строка {line}): «{quoted}» — не дата и не время",
            "{event} (line {line}): “{quoted}” is not a date or a time"
        ),
        "import.leftOutPart.event.unknownTimeZone": (
            "{event} (строка {line}): неизвестный часовой пояс «{quoted}»",
            "{event} (line {line}): unknown time zone “{quoted}”"
        ),
        "import.leftOutPart.event.notADuration": (
            "{event} (строка {line}): DURATION «{quoted}» — не продолжительность",
            "{event} (line {line}): DURATION “{quoted}” is not a length of time"
        ),
        "import.leftOutPart.event.notASequence": (
            "{event} (строка {line}): SEQUENCE «{quoted}» — не число",
            "{event} (line {line}): SEQUENCE “{quoted}” is not a number"
        ),
        "import.commit": ("Импортировать", "Import"),
        "import.nothing": (
            "В файле нет ничего нового для импорта.",
            "The file holds nothing new to import."
        ),
        "editor.done.imported": ("Импорт выполнен.", "The import is done."),
    ]
}
