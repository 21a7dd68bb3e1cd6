public import ArtelCore
public import ArtelStore

/// `/operator/accounts`: the accounts with their roles, states and rights, the actions on each
/// (disable or enable, a new password, remove), and the form that adds one; and the form that gives
/// one a new password.
public enum OperatorAccountsPage: Sendable {
    /// What adding an account made that the operator must see once: the password the node made
    /// up, and the grants to ask the holders of community keys the node lacks for.
    public struct Made: Sendable {
        /// What was done: `accountAdded` or `accountPasswd`.
        public var done: String
        /// The password the node made up, when the operator typed none.
        public var password: String?
        /// The `artel grant` commands to ask for.
        public var grantCommands: [String]

        /// What was made.
        public init(done: String, password: String?, grantCommands: [String] = []) {
            self.done = done
            self.password = password
            self.grantCommands = grantCommands
        }
    }

    /// The fields of the add form, in order.
    static let fields = ["name", "role", "communities", "kinds", "password", "again"]

    /// The page; with problems, status 422.
    ///
    /// - Parameters:
    ///   - accounts: every account.
    ///   - communities: the communities the node knows, by name.
    ///   - form: the add form as sent, with its problems.
    ///   - made: what an account just added needs the operator to see once.
    public static func render(
        _ frame: PageFrame,
        accounts: [Account],
        communities: [(key: PublicKey, name: String)],
        form: OperatorForm = OperatorForm(),
        made: Made? = nil
    ) -> SitePage {
        let words = frame.words
        let names = Dictionary(communities.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        let me = frame.account?.name
        let items = accounts.map { account -> [String: Any] in
            let rights = Dictionary(grouping: account.rights, by: \.community).map { community, rights in
                "\(names[community] ?? String(community.hex.prefix(16))): "
                    + rights.map { words["operator.accounts.kind.\($0.kind.name)"] }.sorted().joined(separator: ", ")
            }.sorted()
            let base = "/operator/accounts/\(account.name)"
            return [
                "name": account.name, "role": words["operator.accounts.role.\(account.role.rawValue)"],
                "state": words[account.disabled ? "operator.accounts.disabled" : "operator.accounts.active"],
                "rights": rights.joined(separator: "; "), "hasRights": !rights.isEmpty,
                "isSelf": account.name == me, "disabled": account.disabled,
                "toggle": base + (account.disabled ? "/enable" : "/disable"),
                "toggleLabel": words[account.disabled ? "operator.accounts.enable" : "operator.accounts.disable"],
                "passwd": base + "/passwd", "remove": base + "/remove",
            ]
        }
        var content: [String: Any] = [
            "accounts": items, "hasAccounts": !items.isEmpty,
            "name": form.line("name", label: "operator.accounts.name", hint: "operator.accounts.nameHint", frame),
            "role": form.choice(
                "role",
                legend: "operator.accounts.roleLabel",
                options: Account.Role.allCases.map {
                    (value: $0.rawValue, label: words["operator.accounts.role.\($0.rawValue)"])
                },
                single: true,
                frame
            ),
            "communities": form.choice(
                "communities",
                legend: "operator.accounts.communities",
                options: communities.map { (value: $0.key.hex, label: $0.name) },
                frame
            ),
            "kinds": form.choice(
                "kinds",
                legend: "operator.accounts.kinds",
                options: NewAccount.editableKinds.map {
                    (value: $0.name, label: words["operator.accounts.kind.\($0.name)"])
                },
                frame
            ),
            "passwords": [
                form.line(
                    "password",
                    label: "operator.accounts.password",
                    hint: "operator.accounts.passwordHint",
                    type: "password",
                    frame
                ),
                form.line("again", label: "operator.accounts.again", type: "password", frame),
            ],
        ]
        if let made {
            content["done"] = words["operator.done.\(made.done)"]
            content["made"] = [
                "password": made.password ?? false, "grants": made.grantCommands,
                "hasGrants": !made.grantCommands.isEmpty,
            ]
        }
        return OperatorPages.formPage(
            frame,
            "operatorAccounts",
            title: words["operator.accountsTitle"],
            content: content,
            form: form,
            fields: fields
        )
    }

    /// The form that gives an account a new password; with problems, status 422.
    public static func passwd(_ frame: PageFrame, account: String, form: OperatorForm = OperatorForm()) -> SitePage {
        let words = frame.words
        let title = "\(words["operator.accounts.passwdTitle"]) \(account)"
        let content: [String: Any] = [
            "heading": title, "action": "/operator/accounts/\(account)/passwd",
            "passwords": [
                form.line("password", label: "operator.accounts.password", type: "password", frame),
                form.line("again", label: "operator.accounts.again", type: "password", frame),
            ],
        ]
        return OperatorPages.formPage(
            frame,
            "operatorPasswd",
            title: title,
            content: content,
            form: form,
            fields: ["password", "again"]
        )
    }
}
