extension SiteWords {
    /// Signing in and out, and refusals of forms.
    static let accountWords: [String: (ru: String, en: String)] = [
        "account.signedInAs": ("Вы вошли как", "Signed in as"),
        "account.signOut": ("Выйти", "Sign out"),
        "account.signIn": ("Вход для редакторов", "Sign in for editors"),
        "signin.title": ("Вход", "Sign in"),
        "signin.name": ("Имя", "Name"),
        "signin.password": ("Пароль", "Password"),
        "signin.submit": ("Войти", "Sign in"),
        "signin.already": ("Вы уже вошли как", "You are signed in as"),
        "signin.who": (
            "Учётные записи выдаёт оператор узла. Посетителям вход не нужен.",
            "The node's operator gives out accounts. Visitors need none."
        ),
        "signin.problem.wrong": ("Неверное имя или пароль.", "The name or the password is wrong."),
        "signin.problem.missing": ("Введите имя и пароль.", "Enter your name and password."),
        "signin.problem.disabled": (
            "Эта учётная запись отключена. Обратитесь к оператору узла.",
            "This account is disabled. Ask the node's operator."
        ),
        "signin.problem.throttled": (
            "Слишком много неудачных попыток. Попробуйте снова через {seconds} с.",
            "Too many failed attempts. Try again in {seconds} s."
        ),
        "signin.problem.busy": (
            "Узел сейчас проверяет много входов. Попробуйте снова через {seconds} с.",
            "The node is checking many sign-ins right now. Try again in {seconds} s."
        ),
        "form.forged": ("Форма отклонена", "The form was refused"),
        "form.forgedText": (
            "Форма пришла не со страницы этого сайта или устарела. Ничего не изменено: откройте страницу заново и отправьте форму ещё раз.",
            "The form did not come from this site's page, or it is out of date. Nothing was changed: open the page again and send the form once more."
        ),
    ]
}
