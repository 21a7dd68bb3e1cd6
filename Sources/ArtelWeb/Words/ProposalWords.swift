extension SiteWords {
    /// Visitors' proposals: the form, the thanks, the refusals, and the editor's list and review.
    static let proposalWords: [String: (ru: String, en: String)] = [
        "propose.job.link": ("Предложить вакансию", "Propose a vacancy"),
        "propose.job.title": ("Предложить вакансию", "Propose a vacancy"),
        "propose.job.lead": (
            "Учётная запись не нужна. Вакансию посмотрит редактор сообщества: опубликует её или откажет. "
                + "До этого её никто не увидит.",
            "No account needed. An editor of the community will look at the vacancy and publish it or turn it "
                + "down. Until then nobody else sees it."
        ),
        "propose.event.link": ("Предложить событие", "Propose an event"),
        "propose.event.title": ("Предложить событие", "Propose an event"),
        "propose.event.lead": (
            "Учётная запись не нужна. Событие посмотрит редактор сообщества: опубликует его или откажет. "
                + "До этого его никто не увидит.",
            "No account needed. An editor of the community will look at the event and publish it or turn it "
                + "down. Until then nobody else sees it."
        ),
        "propose.contact": ("Как с вами связаться", "How to reach you"),
        "propose.contactHint": (
            "Необязательно. Увидят только редакторы, не публикуется.",
            "Optional. Only the editors see it; it is never published."
        ),
        "propose.trap": ("Оставьте это поле пустым", "Leave this field empty"),
        "propose.send": ("Отправить редактору", "Send to an editor"),
        "propose.job.expired": (
            "Форма устарела, и ничего не сохранено. Проверьте вакансию и отправьте её ещё раз.",
            "The form was out of date, and nothing was saved. Check the vacancy and send it again."
        ),
        "propose.event.expired": (
            "Форма устарела, и ничего не сохранено. Проверьте событие и отправьте его ещё раз.",
            "The form was out of date, and nothing was saved. Check the event and send it again."
        ),
        "propose.thanks.title": ("Спасибо!", "Thank you!"),
        "propose.job.thanks": (
            "Редактор посмотрит вашу вакансию. Если он её одобрит, она появится на доске.",
            "An editor will look at your vacancy. Once approved, it appears on the board."
        ),
        "propose.job.back": ("К вакансиям", "Back to the jobs"),
        "propose.job.again": ("Предложить ещё одну", "Propose another"),
        "propose.event.thanks": (
            "Редактор посмотрит ваше событие. Если он его одобрит, оно появится в афише.",
            "An editor will look at your event. Once approved, it appears among the events."
        ),
        "propose.event.back": ("К событиям", "Back to the events"),
        "propose.event.again": ("Предложить ещё одно", "Propose another"),
        "propose.closed": ("Предложения не принимаются", "No proposals taken here"),
        "propose.closedText": (
            "У этого узла нет редакторов, которые могли бы посмотреть предложение.",
            "This node has no editor who could look at a proposal."
        ),
        "propose.tooMany": ("Слишком много предложений", "Too many proposals"),
        "propose.tooManyText": (
            "С вашего адреса уже отправлено много предложений. Попробуйте через {minutes} мин.",
            "Many proposals came from your address already. Please try again in {minutes} min."
        ),
        "propose.full": ("Очередь заполнена", "The queue is full"),
        "propose.fullText": (
            "Редакторам уже есть что посмотреть: новые предложения пока не принимаются. Попробуйте позже.",
            "The editors have as many proposals to look at as this node keeps: new ones are not taken for now. "
                + "Please try again later."
        ),
        "proposals.link": ("Предложения", "Proposals"),
        "proposals.title": ("Предложения посетителей", "Visitors' proposals"),
        "proposals.pending": ("Ждут решения", "Waiting"),
        "proposals.decided": ("Решённые", "Decided"),
        "proposals.none": ("Новых предложений нет.", "No proposal waits."),
        "proposals.noneDecided": ("Решённых пока нет.", "None decided yet."),
        "proposals.untitled": ("(без названия)", "(untitled)"),
        "proposals.state.approved": ("одобрено", "approved"),
        "proposals.state.rejected": ("отклонено", "rejected"),
        "proposals.state.pending": ("ждёт", "waiting"),
        "proposals.reason": ("Причина", "Reason"),
        "proposals.kind.job": ("вакансия", "vacancy"),
        "proposals.kind.event": ("событие", "event"),
        "proposals.review": ("Предложение № {number}", "Proposal {number}"),
        "proposals.received": ("получено", "received"),
        "proposals.contact": ("контакт", "contact"),
        "proposals.back": ("← К предложениям", "← Back to the proposals"),
        "proposals.approve": ("Одобрить и опубликовать", "Approve and publish"),
        "proposals.rejectTitle": ("Отклонить", "Reject"),
        "proposals.reject": ("Отклонить", "Reject"),
        "proposals.done.approved": ("Предложение одобрено и опубликовано.", "The proposal is approved and published."),
        "proposals.done.rejected": ("Предложение отклонено.", "The proposal is rejected."),
    ]
}
