"""The data the browser tests show: a Moscow community of community managers and the vacancies of its
Telegram channel's digests (the shapes of /work/shared/seeds' `#комьюнити_вакансия` posts), plus one
vacancy whose fields hold markup, to prove that pages show it as text.

Each job is the arguments of `artel job post` after `--community`. `name` is how the tests refer to it.
"""

COMMUNITY = "Tech Leaders Moscow"
COMMUNITY_ARGS = [
    "community",
    "create",
    "--name",
    COMMUNITY,
    "--kind",
    "community",
    "--area",
    "Москва",
    "--language",
    "ru",
    "--description",
    "Сообщество лидеров технических и профессиональных сообществ Москвы",
    "--topics",
    "комьюнити-менеджмент",
    "--topics",
    "лидерство",
    "--key-name",
    "tech-leaders",
]

# The filter flow: remote work paying at least this much.
SALARY_FROM = 120000

JOBS: dict[str, list[str]] = {
    "yandex": [
        "--title", "Комьюнити-менеджер сообщества руководителей",
        "--employer", "Яндекс",
        "--description",
        "Яндекс ищет КМа в команду по развитию лидерства, который станет сердцем корпоративного "
        "сообщества для руководителей Яндекса.",
        "--duties",
        "— создать и развивать уникальную экосистему для лидеров Яндекса;\n"
        "— разработать стратегию и план развития сообщества;\n"
        "— проработать CJM участников от онбординга до офбординга в сообществе;\n"
        "— продумать систему метрик эффективности работы комьюнити: вовлеченность, UGC, охваты.",
        "--salary-min", "150000", "--salary-max", "200000",
        "--salary-currency", "RUB", "--salary-period", "month",
        "--employment", "full_time", "--work-mode", "remote",
        "--location-country", "Россия", "--location-city", "Москва",
        "--skills", "стратегия сообщества", "--skills", "CJM",
        "--tags", "комьюнити_вакансия",
        "--apply-url", "https://yandex.example/jobs/community-leaders?utm_source=artel&ref=1",
    ],
    "speaklingua": [
        "--title", "Community Coordinator (координатор сообщества)",
        "--employer", "Speaklingua",
        "--description",
        "Координатор отвечает за управление и развитие сообщества пользователей платформы изучения языков.",
        "--requirements", "— опыт в комьюнити-менеджменте;\n— инструменты: Discourse, Slack, Zoom, Eventbrite, Trello.",
        "--salary-min", "90000", "--salary-max", "130000",
        "--salary-currency", "RUB", "--salary-period", "month",
        "--employment", "full_time", "--work-mode", "remote",
        "--tags", "комьюнити_вакансия", "--tags", "edtech",
        "--apply-url", "https://speaklingua.example/careers/community-coordinator",
    ],
    "esports": [
        "--title", "Комьюнити-менеджер в Федерацию компьютерного спорта России",
        "--employer", "Федерация компьютерного спорта России",
        "--duties",
        "— укреплять лояльность и растить вовлеченность членов сообщества в продукт;\n"
        "— размещать новостные посты в Discord-канале;\n— работать с судьями;\n— формировать отчетность.",
        "--salary-min", "70000", "--salary-max", "90000",
        "--salary-currency", "RUB", "--salary-period", "month",
        "--employment", "full_time", "--work-mode", "remote",
        "--tags", "комьюнити_вакансия", "--tags", "киберспорт",
        "--apply-url", "https://esports.example/vacancies/community",
    ],
    "studio29": [
        "--title", "Комьюнити-менеджер в закрытое сообщество от Studio-29",
        "--employer", "Studio-29",
        "--duties", "— заниматься продвижением сообщества «Взгляд на 360»;\n— администрировать сообщество.",
        "--requirements", "— опыт создания/ведения/развития сообществ;\n— коммуникабельность.",
        "--salary-min", "50000", "--salary-currency", "RUB", "--salary-period", "month",
        "--employment", "part_time", "--work-mode", "remote",
        "--tags", "комьюнити_вакансия", "--tags", "мода",
        "--apply-url", "https://t.me/studio29_jobs",
    ],
    "runlab": [
        "--title", "Комьюнити менеджер в Лабораторию Бега",
        "--employer", "Runlab",
        "--description",
        "Лаборатория Бега / Runlab — команда профессиональных спортсменов и специалистов, которые на "
        "основе научного подхода подбирают беговую экипировку.",
        "--salary-min", "130000", "--salary-max", "160000",
        "--salary-currency", "RUB", "--salary-period", "month",
        "--employment", "full_time", "--work-mode", "onsite",
        "--location-country", "Россия", "--location-city", "Москва",
        "--tags", "комьюнити_вакансия", "--tags", "спорт",
        "--apply-url", "https://runlab.example/jobs/community-manager",
    ],
    "ffschool": [
        "--title", "Комьюнити-менеджер в Fashion Factory School",
        "--employer", "Fashion Factory School",
        "--duties", "— проводить онбординг новых участников клуба выпускников;\n— вести документацию проекта.",
        "--experience", "от 1 года",
        "--employment", "part_time", "--work-mode", "hybrid",
        "--location-city", "Москва",
        "--tags", "комьюнити_вакансия",
        "--contact", "@ffschool_hr",
    ],
    # Markup in every text field a card and a page show: it must stay text, and run nothing.
    "markup": [
        "--title", "<script>alert(1)</script>",
        "--employer", "<img src=x onerror=alert(2)>",
        "--description", "<b>жирный</b> текст и </main> посреди описания",
        "--duties", "— <script>alert(3)</script>;\n— <a href=javascript:alert(4)>ссылка</a>",
        "--experience", "\"><svg onload=alert(5)>",
        "--contact", "<iframe src=https://evil.example></iframe>",
        "--salary-min", "60000", "--salary-currency", "RUB", "--salary-period", "month",
        "--work-mode", "onsite", "--location-city", "<u>Москва</u>",
        "--skills", "<marquee>навык</marquee>",
        "--tags", "<em>тег</em>",
        "--apply-url", "https://markup.example/apply?a=1&b=2'onmouseover='alert(6)",
    ],
}

# The vacancy posted on node A while a browser watches node B's board.
LIVE_JOB = [
    "--title", "Комьюнити-менеджер программы амбассадоров",
    "--employer", "Лаборатория Бега",
    "--salary-min", "95000", "--salary-currency", "RUB", "--salary-period", "month",
    "--employment", "full_time", "--work-mode", "remote",
    "--tags", "комьюнити_вакансия",
    "--apply-url", "https://runlab.example/jobs/ambassadors",
]


def title(arguments: list[str]) -> str:
    return arguments[arguments.index("--title") + 1]


def field(arguments: list[str], flag: str) -> str:
    return arguments[arguments.index(flag) + 1]


def events(start_day: str, next_day: str) -> dict[str, list[str]]:
    """The community's events, on days given as YYYY-MM-DD (in the coming weeks, so that they are upcoming)."""
    return {
        "mastermind": [
            "--title", "Мастермайнд комьюнити-менеджеров",
            "--description", "Разбираем кейсы участников: онбординг, вовлечение, работа с лидерами сообществ.",
            "--type", "mastermind",
            "--start", f"{start_day} 19:00", "--end", f"{start_day} 21:00", "--timezone", "Europe/Moscow",
            "--attendance", "online", "--online-urls", "https://meet.example/mastermind",
            "--registration-url", "https://forms.example/mastermind", "--price", "бесплатно",
            "--language", "ru", "--tags", "мастермайнд",
        ],
        "meetup": [
            "--title", "Митап «Лидеры сообществ»: как растить амбассадоров",
            "--type", "meetup",
            "--start", f"{next_day} 18:30", "--end", f"{next_day} 21:30", "--timezone", "Europe/Moscow",
            "--attendance", "offline", "--place-name", "Точка кипения", "--place-address", "ул. Ильинка, 4",
            "--place-city", "Москва", "--place-country", "Россия", "--price", "1500 ₽", "--capacity", "80",
            "--registration-url", "https://forms.example/meetup",
        ],
    }


# The community's public leaders (display name, then `artel person add` options) and the public,
# confirmed ties among them that its page draws as a network.
PEOPLE: dict[str, list[str]] = {
    "anna": ["Анна Смирнова", "--locality", "Москва", "--bio", "Ведёт сообщество с 2019 года, растит амбассадоров."],
    "boris": ["Борис Петров", "--locality", "Москва", "--topics", "мероприятия"],
    "maria": ["Мария Иванова", "--locality", "Санкт-Петербург", "--topics", "онбординг"],
    "markup": ["<script>alert(7)</script> Евгений", "--bio", "<b>не жирный</b>"],
}
TIES = [("anna", "boris", "mentors"), ("anna", "maria", "co_organizes"), ("boris", "markup", "collaborates")]

# The accounts of node a's site, each with `artel user add NAME` options: an editor of the
# community's jobs and events, and a moderator (whom the editor's pages refuse). All share one password.
PASSWORD = "пароль редакции 2026"
ACCOUNTS: dict[str, list[str]] = {
    "editor": ["--role", "editor", "--community", COMMUNITY, "--kinds", "job", "--kinds", "event"],
    "moderator": ["--role", "moderator"],
    "chief": ["--role", "editor", "--community", COMMUNITY, "--kinds", "digest"],
}

# The vacancy the editor posts from the browser.
EDITOR_JOB = "Менеджер сообщества выпускников"


# The event a visitor proposes on node a before the tests start, waiting for the editor
# (`{proposal}` in pages.py); its start is the mastermind's day.
PROPOSAL: dict[str, str] = {
    "title": "Завтрак организаторов митапов",
    "type": "meetup",
    "timezone": "Europe/Moscow",
    "attendance": "offline",
    "place.city": "Москва",
    "proposer_contact": "breakfast@organizers.example",
}
