extension SiteWords {
    /// The node's own page: who it is, whom it federates with, what it follows, where its API is.
    static let nodeWords: [String: (ru: String, en: String)] = [
        "node.title": ("Об этом узле", "About this node"),
        "node.lead": (
            "Узел Artel хранит подписанные записи сообществ и обменивается ими с другими узлами федерации.",
            "An Artel node keeps the communities' signed records and exchanges them with the federation's other nodes."
        ),
        "node.name": ("Имя узла", "Node name"),
        "node.key": ("Ключ узла", "Node key"),
        "node.version": ("Версия Artel", "Artel version"),
        "node.peersTitle": ("С кем узел обменивается записями", "Peers it federates with"),
        "node.peersNone": (
            "Других узлов пока нет: этот узел работает сам по себе.", "No peers yet: this node works on its own."
        ),
        "node.peer": ("Узел {key}", "Node {key}"),
        "node.address": ("Адрес", "Address"),
        "node.inbound": ("подключается сам", "dials in"),
        "node.stateLabel": ("Состояние", "State"),
        "node.connectedNow": ("Подключён сейчас", "Connected now"),
        "node.yes": ("да", "yes"),
        "node.no": ("нет", "no"),
        "node.lastSync": ("Последняя синхронизация", "Last sync"),
        "node.never": ("ещё не было", "never"),
        "node.bytes": ("Трафик", "Traffic"),
        "node.bytesValue": ("получено {in}, отправлено {out}", "{in} in, {out} out"),
        "size.bytes": ("{n} Б", "{n} B"),
        "size.kB": ("{n} кБ", "{n} kB"),
        "size.MB": ("{n} МБ", "{n} MB"),
        "size.GB": ("{n} ГБ", "{n} GB"),
        "size.TB": ("{n} ТБ", "{n} TB"),
        "node.state.new": ("добавлен, ещё не подключался", "added, never connected"),
        "node.state.syncing": ("синхронизируется", "syncing"),
        "node.state.live": ("на связи", "live"),
        "node.state.disconnected": ("отключён", "disconnected"),
        "node.state.backingOff": ("не отвечает, узел попробует позже", "unreachable, will retry"),
        "node.followsTitle": ("Что узел получает", "What it follows"),
        "node.followsNone": (
            "Узел ни на что не подписан и хранит только то, что пишет сам.",
            "The node follows nothing: it keeps only what it writes itself."
        ),
        "node.everyCommunity": ("Все сообщества", "Every community"),
        "node.everyKind": ("все виды записей", "every kind of record"),
        "node.kind.community": ("профиль", "profile"),
        "node.kind.person": ("люди", "people"),
        "node.kind.membership": ("участие", "memberships"),
        "node.kind.tie": ("связи", "ties"),
        "node.kind.job": ("вакансии", "jobs"),
        "node.kind.digest": ("дайджесты", "digests"),
        "node.kind.event": ("события", "events"),
        "node.kind.grant": ("права авторов", "grants"),
        "node.kind.revocation": ("отзывы прав", "revocations"),
        "node.apiTitle": ("API и ленты", "API and feeds"),
        "node.apiLead": (
            "Всё, что показывает сайт, доступно программам: публичные записи читаются без ключа.",
            "Everything the site shows is there for programs too: public records need no token to read."
        ),
        "node.apiBase": ("HTTP API (JSON), например список вакансий", "HTTP API (JSON), for example the job list"),
        "node.feedJobsAtom": ("Вакансии — Atom", "Jobs — Atom"),
        "node.feedJobsJSON": ("Вакансии — JSON Feed", "Jobs — JSON Feed"),
        "node.feedEvents": ("События — iCalendar", "Events — iCalendar"),
        "node.health": ("Состояние узла для мониторинга", "The node's health, for monitoring"),
    ]
}
