extension SiteWords {
    /// The moderator's pages: the quarantine, the refusal log, blocks and hidden records.
    static let moderationWords: [String: (ru: String, en: String)] = [
        "moderation.link": ("Модерация", "Moderation"),
        "moderation.title": ("Модерация", "Moderation"),
        "moderation.intro": (
            "Что ждёт гранта, что узел отказался принять и почему, кого он блокирует и какие записи скрыты. Блокировки и скрытие действуют только на этом узле.",
            "What waits for a grant, what the node refused and why, whom it blocks and which records are hidden. Blocks and hiding apply to this node only."
        ),
        "moderation.back": ("← К модерации", "← Back to moderation"),
        "moderation.cancel": ("Отмена", "Cancel"),
        "moderation.summary": ("Сводка", "Summary"),
        "moderation.waiting": ("Ждут гранта", "Waiting for a grant"),
        "moderation.heldRefused": ("Отклонены грантами", "Refused by the grants"),
        "moderation.refusals": ("Отказы", "Refusals"),
        "moderation.quarantine": ("Карантин", "Quarantine"),
        "moderation.blocks": ("Блокировки", "Blocks"),
        "moderation.noBlocks": ("Узел никого не блокирует.", "This node blocks nobody."),
        "moderation.hiddenRecords": ("Скрытые записи", "Hidden records"),
        "moderation.noHidden": ("Скрытых записей нет.", "No record is hidden."),
        "moderation.since": ("с", "since"),
        "moderation.reason": ("Причина", "Reason"),
        "moderation.reasonHint": (
            "Необязательно; видна только модераторам и в журнале.", "Optional; only moderators and the log see it."
        ),
        "moderation.key": ("Ключ", "Key"),
        "moderation.keyHint": ("64 шестнадцатеричные цифры", "64 hex digits"),
        "moderation.id": ("Номер записи", "Record id"),
        "moderation.idHint": ("Шестнадцатеричные цифры номера или его начало", "The id's hex digits, or their start"),
        "moderation.what": ("Что блокировать", "What to block"),
        "moderation.target.author": ("Автор", "Author"),
        "moderation.target.community": ("Сообщество", "Community"),
        "moderation.blockByKey": ("Заблокировать по ключу", "Block by key"),
        "moderation.hideById": ("Скрыть запись по номеру", "Hide a record by id"),
        "moderation.next": ("Дальше", "Next"),
        "moderation.unblock": ("Снять блокировку", "Unblock"),
        "moderation.unhide": ("Показать снова", "Show again"),
        "moderation.open": ("Открыть", "Open"),
        "moderation.moderate": ("Модерировать эту запись", "Moderate this record"),
        "moderation.quarantineIntro": (
            "Дельты, чей автор не держит гранта, известного узлу: они не применены, не показаны и не пересылаются, пока не придёт грант сообщества на этот вид записей. Ниже — и те, что отклонили существующие гранты (отозван, вне срока, другой вид).",
            "Deltas whose author holds no grant this node knows of: not applied, not shown, not relayed until a grant of the community for that kind arrives. Below, also those the grants there are refuse (revoked, outside their dates, another kind)."
        ),
        "moderation.noQuarantine": ("Ничего не ждёт.", "Nothing waits."),
        "moderation.column.arrived": ("Пришла", "Arrived"),
        "moderation.column.from": ("Откуда", "From"),
        "moderation.column.kind": ("Вид", "Kind"),
        "moderation.column.community": ("Сообщество", "Community"),
        "moderation.column.author": ("Автор", "Author"),
        "moderation.column.waitsFor": ("Ждёт", "Waits for"),
        "moderation.column.reason": ("Причина", "Reason"),
        "moderation.column.count": ("Сколько", "Count"),
        "moderation.column.source": ("Источник", "Source"),
        "moderation.column.when": ("Когда", "When"),
        "moderation.waitsFor": ("грант на «{kind}»", "a grant for {kind}"),
        "moderation.refusedHeld": ("отклонена: {reason}", "refused: {reason}"),
        "moderation.shownOf": ("Показаны {shown} из {total}.", "{shown} of {total} shown."),
        "moderation.refusalsIntro": (
            "Последние дельты, которые узел не принял, с причинами; журнал хранит последние 10 000.",
            "The latest deltas this node did not accept, with their reasons; the log keeps the latest 10,000."
        ),
        "moderation.noRefusals": ("Узел ничего не отклонял.", "The node has refused nothing."),
        "moderation.bySource": ("По источникам", "By source"),
        "moderation.byReason": ("По причинам", "By reason"),
        "moderation.latest": ("Последние", "Latest"),
        "moderation.onlySource": ("Только источник «{source}».", "Only the source “{source}”."),
        "moderation.allSources": ("Все источники", "All sources"),
        "moderation.record": ("Запись", "Record"),
        "moderation.recordDeleted": ("Запись удалена.", "The record is deleted."),
        "moderation.recordHidden": ("Запись скрыта на этом узле.", "The record is hidden on this node."),
        "moderation.recordShown": ("Запись видна на этом узле.", "The record is shown on this node."),
        "moderation.publicPage": ("Публичная страница", "Public page"),
        "moderation.authors": ("Авторы", "Authors"),
        "moderation.blocked": ("заблокирован", "blocked"),
        "moderation.blockAuthor": ("Заблокировать автора", "Block the author"),
        "moderation.blockCommunity": ("Заблокировать сообщество", "Block the community"),
        "moderation.hide": ("Скрыть запись", "Hide the record"),
        "moderation.confirm.block.author": ("Заблокировать автора?", "Block the author?"),
        "moderation.confirm.block.community": ("Заблокировать сообщество?", "Block the community?"),
        "moderation.confirm.unblock": ("Снять блокировку?", "Lift the block?"),
        "moderation.confirm.hide": ("Скрыть запись?", "Hide the record?"),
        "moderation.confirm.unhide": ("Показать запись снова?", "Show the record again?"),
        "moderation.explain.block.author": (
            "Узел перестанет принимать дельты этого ключа во всех сообществах и удалит то, что от него хранит: его вакансии и события исчезнут с сайта и из API. Гранты и отзывы ключа остаются. Снять блокировку можно сразу; удалённое вернётся от партнёров при следующей сверке.",
            "The node stops accepting this key's deltas in every community and removes what it stores of them: its jobs and events leave the site and the API. The key's grants and revocations stay. The block can be lifted at once; what was removed comes back from peers at the next reconciliation."
        ),
        "moderation.explain.block.community": (
            "Узел перестанет принимать любые дельты этого сообщества и удалит всё, что от него хранит. Снять блокировку можно сразу; удалённое вернётся от партнёров при следующей сверке.",
            "The node stops accepting every delta of this community and removes all it stores of it. The block can be lifted at once; what was removed comes back from peers at the next reconciliation."
        ),
        "moderation.explain.unblock": (
            "Узел снова будет принимать дельты этого ключа; то, что было удалено, вернётся от партнёров при следующей сверке.",
            "The node accepts this key's deltas again; what was removed comes back from peers at the next reconciliation."
        ),
        "moderation.explain.hide": (
            "Запись пропадёт из списков, поиска и API этого узла, но узел её хранит и пересылает партнёрам. Это можно отменить.",
            "The record leaves this node's lists, search and API, but the node keeps it and relays it to peers. This can be undone."
        ),
        "moderation.explain.unhide": (
            "Запись снова появится в списках этого узла.", "The record appears in this node's lists again."
        ),
        "moderation.button.block": ("Да, заблокировать", "Yes, block"),
        "moderation.button.unblock": ("Да, снять блокировку", "Yes, unblock"),
        "moderation.button.hide": ("Да, скрыть", "Yes, hide it"),
        "moderation.button.unhide": ("Да, показать", "Yes, show it"),
        "moderation.done.blocked": ("Заблокировано: {key}.", "Blocked: {key}."),
        "moderation.done.unblocked": (
            "Блокировка снята: {key}. Удалённое вернётся от партнёров при следующей сверке.",
            "Unblocked: {key}. What was removed comes back from peers at the next reconciliation."
        ),
        "moderation.done.hidden": ("Запись {id} скрыта.", "The record {id} is hidden."),
        "moderation.done.unhidden": ("Запись {id} снова видна.", "The record {id} is shown again."),
        "moderation.undo.unblock": ("Отменить: снять блокировку", "Undo: unblock"),
        "moderation.undo.unhide": ("Отменить: показать снова", "Undo: show it again"),
        "moderation.again.block": ("Заблокировать снова", "Block again"),
        "moderation.again.hide": ("Скрыть снова", "Hide again"),
        "moderation.forbidden": ("Нет доступа", "Not allowed"),
        "moderation.problem.forbidden": (
            "Эти страницы — для модераторов и операторов узла. Учётная запись редактора их не открывает.",
            "These pages are for the node's moderators and operators. An editor's account cannot open them."
        ),
        "moderation.problemTitle": ("Не получилось", "That did not work"),
        "moderation.problem.target": (
            "Выберите, что блокировать: автора или сообщество. Ничего не изменено.",
            "Choose what to block: an author or a community. Nothing was changed."
        ),
        "moderation.problem.key": (
            "Ключ — это 64 шестнадцатеричные цифры (0–9, a–f). Ничего не изменено.",
            "A key is 64 hex digits (0–9, a–f). Nothing was changed."
        ),
        "moderation.problem.notBlocked": (
            "Этот ключ не заблокирован. Ничего не изменено.", "This key is not blocked. Nothing was changed."
        ),
        "moderation.problem.id": (
            "Номер записи — от 1 до 32 шестнадцатеричных цифр (0–9, a–f). Ничего не изменено.",
            "A record id is 1 to 32 hex digits (0–9, a–f). Nothing was changed."
        ),
        "moderation.problem.noRecord": (
            "Нет записи с таким номером. Ничего не изменено.", "No record has this id. Nothing was changed."
        ),
        "moderation.problem.ambiguous": (
            "С этих цифр начинаются номера нескольких записей; введите больше цифр. Ничего не изменено.",
            "Several records' ids start with these digits; give more of them. Nothing was changed."
        ),
        "moderation.problem.reason": (
            "Причина — не длиннее 500 знаков. Ничего не изменено.",
            "A reason is at most 500 characters. Nothing was changed."
        ),
        "moderation.problem.source": (
            "Источник — не длиннее 100 знаков.", "A source is at most 100 characters."
        ),
        "moderation.kind.community": ("сообщество", "community"),
        "moderation.kind.person": ("человек", "person"),
        "moderation.kind.membership": ("участие", "membership"),
        "moderation.kind.tie": ("связь", "tie"),
        "moderation.kind.job": ("вакансия", "job"),
        "moderation.kind.digest": ("дайджест", "digest"),
        "moderation.kind.event": ("событие", "event"),
        "moderation.kind.grant": ("грант", "grant"),
        "moderation.kind.revocation": ("отзыв", "revocation"),
    ]
}
