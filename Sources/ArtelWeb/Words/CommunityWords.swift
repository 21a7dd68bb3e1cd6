extension SiteWords {
    /// The list of communities, each community's profile, and the network of its leaders.
    static let communityWords: [String: (ru: String, en: String)] = [
        "communities.title": ("Сообщества", "Communities"),
        "communities.lead": (
            "Сообщества федерации, о которых знает этот узел, и их публичные лидеры.",
            "The federation's communities this node knows of, and their public leaders."
        ),
        "communities.search": ("Название", "Name"),
        "communities.searchPlaceholder": ("например, Tech Leaders", "for example, Tech Leaders"),
        "communities.apply": ("Найти", "Search"),
        "communities.reset": ("Сбросить", "Reset"),
        "communities.found.one": ("Нашлось {n} сообщество", "{n} community found"),
        "communities.found.few": ("Нашлось {n} сообщества", "{n} communities found"),
        "communities.found.many": ("Нашлось {n} сообществ", "{n} communities found"),
        "communities.none": (
            "Ничего не нашлось. Попробуйте другое название.",
            "Nothing found. Try another name."
        ),
        "communities.leaders.one": ("{n} публичный лидер", "{n} public leader"),
        "communities.leaders.few": ("{n} публичных лидера", "{n} public leaders"),
        "communities.leaders.many": ("{n} публичных лидеров", "{n} public leaders"),
        "communities.federationNetwork": ("Связи между лидерами всей федерации", "Ties among the federation's leaders"),
        "communities.kind.community": ("сообщество", "community"),
        "communities.kind.association": ("ассоциация", "association"),
        "communities.kind.club": ("клуб", "club"),
        "communities.kindLabel": ("Вид", "Kind"),
        "communities.area": ("Где", "Where"),
        "communities.topics": ("Темы", "Topics"),
        "communities.language": ("Язык", "Language"),
        "communities.contact": ("Контакт", "Contact"),
        "communities.links": ("Ссылки", "Links"),
        "communities.key": ("Ключ сообщества", "Community key"),
        "communities.about": ("О сообществе", "About"),
        "communities.leadersTitle": ("Публичные лидеры", "Public leaders"),
        "communities.leadersNote": (
            "Здесь только те, кто согласился показывать своё участие публично.",
            "Only people who agreed to show their membership publicly are listed."
        ),
        "communities.leadersNone": ("Публичных лидеров пока нет.", "No public leaders yet."),
        "communities.role.leader": ("лидер", "leader"),
        "communities.role.ambassador": ("амбассадор", "ambassador"),
        "communities.role.moderator": ("модератор", "moderator"),
        "communities.role.organizer": ("организатор", "organizer"),
        "communities.role.founder": ("основатель", "founder"),
        "communities.role.member": ("участник", "member"),
        "communities.since": ("с {date}", "since {date}"),
        "communities.networkTitle": ("Связи между лидерами", "Ties among the leaders"),
        "communities.networkAlt": (
            "Граф связей между лидерами: {people}, {ties}. Те же связи — списком ниже.",
            "A graph of the ties among the leaders: {people}, {ties}. The same ties are listed below."
        ),
        "communities.networkList": ("Связи списком", "The ties as a list"),
        "communities.networkNone": (
            "Подтверждённых обеими сторонами публичных связей между лидерами пока нет.",
            "No public ties confirmed by both people among the leaders yet."
        ),
        "communities.graphTitle": ("Связи между лидерами: {name}", "Ties among the leaders of {name}"),
        "communities.graphFederationTitle": ("Связи между лидерами федерации", "Ties among the federation's leaders"),
        "communities.graphSummary": (
            "{people} и {ties} между ними, подтверждённых обеими сторонами.",
            "{people} and {ties} between them, confirmed by both people."
        ),
        "communities.graphEmpty": ("Публичных связей пока нет", "No public ties yet"),
        "communities.people.one": ("{n} человек", "{n} person"),
        "communities.people.few": ("{n} человека", "{n} people"),
        "communities.people.many": ("{n} человек", "{n} people"),
        "communities.ties.one": ("{n} связь", "{n} tie"),
        "communities.ties.few": ("{n} связи", "{n} ties"),
        "communities.ties.many": ("{n} связей", "{n} ties"),
        "communities.tie.mentors": ("Наставничество: {from} → {to}", "Mentoring: {from} → {to}"),
        "communities.tie.co_organizes": ("Совместная организация: {from} и {to}", "Co-organizing: {from} and {to}"),
        "communities.tie.referred": ("Рекомендация: {from} → {to}", "Referral: {from} → {to}"),
        "communities.tie.collaborates": ("Сотрудничество: {from} и {to}", "Collaboration: {from} and {to}"),
        "communities.tie.other": ("Связь: {from} и {to}", "Tie: {from} and {to}"),
        "communities.legend.mentors": (
            "наставничество (стрелка — к ученику)", "mentoring (the arrow points to the mentee)"
        ),
        "communities.legend.co_organizes": ("совместная организация", "co-organizing"),
        "communities.legend.referred": (
            "рекомендация (стрелка — к рекомендованному)", "referral (the arrow points to the referred)"
        ),
        "communities.legend.collaborates": ("сотрудничество", "collaboration"),
        "communities.legend.other": ("другая связь", "another tie"),
        "communities.jobsTitle": ("Открытые вакансии", "Open jobs"),
        "communities.jobsNone": ("Открытых вакансий сейчас нет.", "No open jobs now."),
        "communities.jobsAll": ("Все вакансии сообщества", "All the community's jobs"),
        "communities.eventsTitle": ("Ближайшие события", "Upcoming events"),
        "communities.eventsNone": ("Ближайших событий нет.", "No upcoming events."),
        "communities.subscribeTitle": ("Подписаться", "Subscribe"),
        "communities.feedJobs": ("Вакансии — лента Atom", "Jobs — Atom feed"),
        "communities.feedEvents": ("События — в календарь (webcal)", "Events — in your calendar (webcal)"),
        "communities.embedTitle": ("Встроить на свой сайт", "Embed on your site"),
        "communities.embedLead": (
            "Вставьте этот код в HTML своей страницы: список обновляется сам.",
            "Paste this code into your page's HTML: the list keeps itself up to date."
        ),
        "communities.embedJobs": ("Вакансии", "Jobs"),
        "communities.embedEvents": ("События", "Events"),
        "communities.embedJobsFrame": ("Вакансии: {name}", "Jobs: {name}"),
        "communities.embedEventsFrame": ("События: {name}", "Events: {name}"),
        "communities.invalidKeyTitle": ("Неверный адрес сообщества", "Not a community address"),
        "communities.invalidKey": (
            "«{value}» — не ключ сообщества: ключ состоит из 64 шестнадцатеричных цифр (0–9, a–f).",
            "«{value}» is not a community key: a key is 64 hexadecimal digits (0–9, a–f)."
        ),
        "communities.notFound": (
            "Такого сообщества этот узел не знает: оно могло скрыть профиль или ещё не дойти до узла.",
            "This node does not know that community: it may have hidden its profile or not reached this node yet."
        ),
    ]
}
