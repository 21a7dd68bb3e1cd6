extension SiteWords {
    /// The operator's pages: the node's health, peers, follows, accounts and backup.
    static let operatorWords: [String: (ru: String, en: String)] = [
        "operator.link": ("Управление узлом", "Run the node"),
        "operator.title": ("Управление узлом", "Running the node"),
        "operator.back": ("← К управлению узлом", "← Back to running the node"),
        "operator.cancel": ("Отмена", "Cancel"),
        "operator.problems": ("Исправьте ошибки", "Please fix these problems"),
        "operator.forbidden": ("Нет доступа", "Not allowed"),
        "operator.forbiddenText": (
            "Эти страницы — для оператора узла.", "These pages are for the node's operator."
        ),
        "operator.sections": ("Разделы управления", "Operator's sections"),
        "operator.health": ("Состояние", "Health"),
        "operator.status": ("Работа", "Status"),
        "operator.serving": ("работает", "serving"),
        "operator.stopping": ("останавливается", "stopping"),
        "operator.records": ("Записи", "Records"),
        "operator.deltas": ("Дельты", "Deltas"),
        "operator.replicaSize": ("Размер реплики", "Replica size"),
        "operator.megabytes": ("\u{00A0}МБ", "\u{00A0}MB"),
        "operator.refusals": ("Отклонено", "Refused"),
        "operator.peersConnected": ("Пиров на связи", "Peers connected"),
        "operator.peersKnown": ("Пиров известно", "Peers known"),
        "operator.kind.community": ("сообщества", "communities"),
        "operator.kind.person": ("люди", "people"),
        "operator.kind.membership": ("участие", "memberships"),
        "operator.kind.tie": ("связи", "ties"),
        "operator.kind.job": ("вакансии", "jobs"),
        "operator.kind.digest": ("дайджесты", "digests"),
        "operator.kind.event": ("события", "events"),

        "operator.peersTitle": ("Пиры", "Peers"),
        "operator.peers.none": ("Пиров пока нет.", "No peers yet."),
        "operator.peers.add": ("Добавить пира", "Add a peer"),
        "operator.peers.addressHint": (
            "хост:порт, порт по умолчанию 7400", "host:port; the port defaults to 7400"
        ),
        "operator.peers.keyHint": (
            "64 шестнадцатеричные цифры; оператор пира видит его в artel status",
            "64 hex digits; the peer's operator sees it in artel status"
        ),
        "operator.peers.traffic": ("Дельты: получено / отправлено / отклонено", "Deltas: in / out / refused"),
        "operator.peers.error": ("Последняя ошибка", "Last error"),
        "operator.peers.remove": ("Удалить", "Remove"),
        "operator.peers.confirmRemove": ("Удалить пира?", "Remove the peer?"),
        "operator.peers.removeText": (
            "Узел перестанет соединяться с ним и забудет его.", "The node stops dialing it and forgets it."
        ),
        "operator.peers.yesRemove": ("Да, удалить", "Yes, remove it"),
        "operator.peers.badAddress": ("Нужен адрес вида хост:порт", "Give host:port"),
        "operator.peers.badKey": ("Ключ узла — 64 шестнадцатеричные цифры", "A node key is 64 hex digits"),
        "operator.peers.ownKey": ("Это ключ самого этого узла", "That is this node's own key"),
        "operator.peers.reload": (
            "Обновите страницу, чтобы увидеть новое состояние.", "Reload the page to see the states change."
        ),
        "operator.done.peerAdded": (
            "Пир добавлен: узел начнёт соединяться с ним через несколько секунд.",
            "The peer is added: the node dials it within a few seconds."
        ),
        "operator.done.peerRemoved": ("Пир удалён.", "The peer is removed."),

        "operator.followsTitle": ("Подписки", "Follows"),
        "operator.follows.none": (
            "Узел ни на что не подписан: он хранит только то, что пишет сам.",
            "The node follows nothing: it keeps only what it writes itself."
        ),
        "operator.follows.community": ("Сообщество", "Community"),
        "operator.follows.kinds": ("Виды записей (ни одного — все)", "Kinds (none: every kind)"),
        "operator.follows.follow": ("Подписаться", "Follow"),
        "operator.follows.unfollow": ("Отписаться", "Unfollow"),
        "operator.follows.badCommunity": ("Выберите сообщество из списка", "Choose a community from the list"),
        "operator.follows.badKind": ("Выберите виды из списка", "Choose kinds from the list"),
        "operator.done.followed": ("Подписка изменена.", "The follows are changed."),

        "operator.accountsTitle": ("Учётные записи", "Accounts"),
        "operator.accounts.none": ("Учётных записей нет.", "No accounts."),
        "operator.accounts.add": ("Добавить учётную запись", "Add an account"),
        "operator.accounts.name": ("Имя для входа", "Sign-in name"),
        "operator.accounts.nameHint": (
            "латинские буквы, цифры, -, _ и .", "letters, digits, -, _ and ."
        ),
        "operator.accounts.roleLabel": ("Роль", "Role"),
        "operator.accounts.role.editor": ("редактор", "editor"),
        "operator.accounts.role.moderator": ("модератор", "moderator"),
        "operator.accounts.role.operator": ("оператор", "operator"),
        "operator.accounts.communities": ("Сообщества редактора", "The editor's communities"),
        "operator.accounts.kinds": ("Что редактор пишет", "What the editor writes"),
        "operator.accounts.kind.job": ("вакансии", "jobs"),
        "operator.accounts.kind.event": ("события", "events"),
        "operator.accounts.kind.digest": ("дайджесты", "digests"),
        "operator.accounts.password": ("Пароль", "Password"),
        "operator.accounts.passwordHint": (
            "оставьте пустым, и узел придумает пароль и покажет его один раз",
            "leave it empty and the node makes one up and shows it once"
        ),
        "operator.accounts.again": ("Пароль ещё раз", "The password again"),
        "operator.accounts.active": ("активна", "active"),
        "operator.accounts.disabled": ("отключена", "disabled"),
        "operator.accounts.disable": ("Отключить", "Disable"),
        "operator.accounts.enable": ("Включить", "Enable"),
        "operator.accounts.passwd": ("Новый пароль", "New password"),
        "operator.accounts.remove": ("Удалить", "Remove"),
        "operator.accounts.rights": ("Права", "Rights"),
        "operator.accounts.confirmRemove": ("Удалить учётную запись?", "Remove the account?"),
        "operator.accounts.removeText": (
            "Её сессии закончатся; журнал сохранит её строки. Ключ автора редактора и его гранты остаются.",
            "Its sessions end; the audit log keeps its lines. An editor's author key and its grants stay."
        ),
        "operator.accounts.yesRemove": ("Да, удалить", "Yes, remove it"),
        "operator.accounts.passwdTitle": ("Новый пароль для", "A new password for"),
        "operator.accounts.passwdText": (
            "Открытые сессии учётной записи закончатся.", "The account's open sessions end."
        ),
        "operator.accounts.save": ("Сохранить", "Save"),
        "operator.accounts.badName": (
            "Только латинские буквы, цифры, -, _ и . (от 1 до 48, не с точки)",
            "Only letters, digits, -, _ and . (1 to 48, not starting with .)"
        ),
        "operator.accounts.taken": ("Это имя уже занято", "That name is taken"),
        "operator.accounts.badRole": ("Выберите роль из списка", "Choose a role from the list"),
        "operator.accounts.notAnEditor": (
            "Сообщества и виды задаются только редактору", "Only an editor writes for communities"
        ),
        "operator.accounts.noCommunity": ("Выберите хотя бы одно сообщество", "Choose at least one community"),
        "operator.accounts.noKinds": ("Выберите хотя бы один вид", "Choose at least one kind"),
        "operator.accounts.badKind": ("Выберите виды из списка", "Choose kinds from the list"),
        "operator.accounts.mismatch": ("Пароли не совпадают", "The passwords differ"),
        "operator.accounts.weak": (
            "Слишком простой пароль: не короче 10 символов, не из одного-двух повторов",
            "Too weak: at least 10 characters, not one or two repeated"
        ),
        "operator.accounts.made": ("Пароль новой учётной записи", "The new account's password"),
        "operator.accounts.madeText": (
            "Передайте его владельцу: больше он не будет показан.",
            "Give it to its owner: it is not shown again."
        ),
        "operator.accounts.grantNeeded": (
            "Узел не хранит ключ сообщества: попросите его владельца выполнить",
            "The node does not hold the community's key: ask its holder to run"
        ),
        "operator.done.accountAdded": ("Учётная запись добавлена.", "The account is added."),
        "operator.done.accountDisabled": (
            "Учётная запись отключена, её сессии закончены.", "The account is disabled; its sessions ended."
        ),
        "operator.done.accountEnabled": ("Учётная запись включена.", "The account is enabled."),
        "operator.done.accountPasswd": (
            "Пароль изменён, сессии учётной записи закончены.", "The password is changed; its sessions ended."
        ),
        "operator.done.accountRemoved": ("Учётная запись удалена.", "The account is removed."),
        "operator.self": (
            "Свою учётную запись здесь нельзя отключить или удалить.",
            "You cannot disable or remove your own account here."
        ),

        "operator.backupTitle": ("Резервная копия", "Backup"),
        "operator.backup.text": (
            "Файл — согласованная копия реплики (база SQLite), снятая на лету, как делает artel backup: "
                + "записи, дельты, подписки, пиры, учётные записи с хешами паролей и журнал. "
                + "Секретных ключей в нём нет: сохраните их отдельно командой artel keys export. "
                + "Восстановление: artel restore ФАЙЛ на остановленном узле.",
            "The file is a consistent copy of the replica (an SQLite database) taken online, as artel backup "
                + "takes it: records, deltas, follows, peers, accounts with their password hashes, and the audit "
                + "log. No secret key is in it: copy them on purpose with artel keys export. To restore: "
                + "artel restore FILE on a stopped node."
        ),
        "operator.backup.download": ("Скачать копию", "Download a backup"),

        "operator.grantsTitle": ("Гранты", "Grants"),
        "operator.grants.lead": (
            "Гранты сообществ, чьи ключи хранит этот узел: какой ключ автора что может писать и до какого дня.",
            "The grants of the communities whose keys this node holds: which author key may write what, and until when."
        ),
        "operator.grants.noKeys": (
            "Узел не хранит ключа ни одного сообщества: гранты выдаёт владелец ключа (artel grant).",
            "The node holds no community's key: grants are given where the key is (artel grant)."
        ),
        "operator.grants.none": (
            "Грантов нет: пишет только ключ сообщества.", "No grants: only the community key writes."
        ),
        "operator.grants.to": ("Кому", "To"),
        "operator.grants.kinds": ("Что может писать", "May write"),
        "operator.grants.dates": ("Срок", "Dates"),
        "operator.grants.standing": ("Состояние", "Standing"),
        "operator.grants.valid": ("действует", "valid"),
        "operator.grants.revoked": ("отозван", "revoked"),
        "operator.grants.compromised": ("отозван: ключ скомпрометирован", "revoked as compromised"),
        "operator.grants.waiting": ("ждёт родительского гранта", "waiting for the grant it rests on"),
        "operator.grants.invalid": ("недействителен", "invalid"),
        "operator.grants.revoke": ("Отозвать", "Revoke"),
        "operator.grants.confirmRemove": ("Отозвать грант?", "Revoke the grant?"),
        "operator.grants.removeText": (
            "С этой минуты ключ автора не сможет писать по нему; написанное раньше останется. Гранты, выданные "
                + "под ним, тоже закончатся.",
            "From now on the author key cannot write under it; what it wrote before stays. Grants made under it "
                + "end too."
        ),
        "operator.grants.yesRemove": ("Да, отозвать", "Yes, revoke it"),
        "operator.grants.issue": ("Выдать грант", "Issue a grant"),
        "operator.grants.community": ("Сообщество", "Community"),
        "operator.grants.grantee": ("Ключ автора", "Author key"),
        "operator.grants.granteeHint": (
            "64 шестнадцатеричные цифры или имя ключа в хранилище узла",
            "64 hex digits, or the name of a key in the node's key store"
        ),
        "operator.grants.from": ("С даты", "From"),
        "operator.grants.fromHint": ("ГГГГ-ММ-ДД; пусто — с этой минуты", "YYYY-MM-DD; empty: from now"),
        "operator.grants.until": ("По дату включительно", "Until (inclusive)"),
        "operator.grants.untilHint": (
            "ГГГГ-ММ-ДД, не больше года от начала", "YYYY-MM-DD, at most a year after the start"
        ),
        "operator.grants.badCommunity": (
            "Выберите сообщество, чей ключ хранит узел", "Choose a community whose key the node holds"
        ),
        "operator.grants.badGrantee": (
            "Нужны 64 шестнадцатеричные цифры или имя ключа из хранилища узла",
            "Give 64 hex digits or the name of a key in the node's key store"
        ),
        "operator.grants.noKinds": ("Выберите хотя бы один вид", "Choose at least one kind"),
        "operator.grants.badDate": ("Введите дату в виде ГГГГ-ММ-ДД", "Enter a date as YYYY-MM-DD"),
        "operator.grants.beforeFrom": ("Конец раньше начала", "The end comes before the start"),
        "operator.grants.tooLong": ("Грант длится не больше года", "A grant lasts at most a year"),
        "operator.done.granted": ("Грант выдан.", "The grant is issued."),
        "operator.done.revoked": ("Грант отозван.", "The grant is revoked."),
    ]
}
