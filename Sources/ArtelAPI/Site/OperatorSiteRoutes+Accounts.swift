import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Hummingbird

/// `/operator/accounts`: the accounts, changed with the rules of `artel user add`, `passwd`,
/// `disable`, `enable` and `remove`. A password the node makes up is shown once and never stored
/// but hashed. An operator cannot disable or remove their own account here, so that the site
/// always keeps one operator who can undo it.
extension OperatorSiteRoutes {
    func registerAccounts(on router: Router<APIRequestContext>) {
        router.get("operator/accounts") { request, _ in
            try await guarded(request) { _ in try await accounts(request) }
        }
        router.post("operator/accounts") { request, route in
            try await guarded(request) { try await addAccount(request, $0, address: route.address) }
        }
        router.get("operator/accounts/:name/passwd") { request, route in
            try await guarded(request) { _ in
                try await withAccount(request, route) { account, frame in
                    SiteResponses.page(OperatorAccountsPage.passwd(frame, account: account.name), personal: true)
                }
            }
        }
        router.post("operator/accounts/:name/passwd") { request, route in
            try await guarded(request) { visitor in
                try await withAccount(request, route) { account, _ in
                    try await passwd(request, visitor, account, address: route.address)
                }
            }
        }
        router.get("operator/accounts/:name/remove") { request, route in
            try await guarded(request) { visitor in
                try await withAccount(request, route, notSelf: visitor) { account, frame in
                    let page = OperatorPages.confirmRemove(
                        frame,
                        area: "accounts",
                        subject: account.name,
                        action: "/operator/accounts/\(account.name)/remove"
                    )
                    return SiteResponses.page(page)
                }
            }
        }
        for action in ["remove", "disable", "enable"] {
            router.post("operator/accounts/:name/\(action)") { request, route in
                try await guarded(request) { visitor in
                    try await withAccount(request, route, notSelf: visitor) { account, _ in
                        try await posted(request, visitor) { _, _ in
                            let entry = AuditEntry(
                                time: Int64(WallClock.now),
                                account: visitor.account.name,
                                action: "user.\(action)",
                                target: account.name,
                                address: route.address
                            )
                            if action == "remove" {
                                try await context.replica.removeAccount(named: account.name, audit: entry)
                            } else {
                                try await context.replica.setDisabled(account.name, action == "disable", audit: entry)
                            }
                            let done = ["remove": "accountRemoved", "disable": "accountDisabled"][action]
                            return SiteAccess.redirect("/operator/accounts?done=\(done ?? "accountEnabled")")
                        }
                    }
                }
            }
        }
    }

    /// `GET /operator/accounts`.
    private func accounts(
        _ request: Request,
        form: OperatorForm = OperatorForm(),
        made: OperatorAccountsPage.Made? = nil
    ) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let page = OperatorAccountsPage.render(
            frame,
            accounts: try await context.replica.accounts(),
            communities: try await communities(),
            form: form,
            made: made
        )
        return SiteResponses.page(page, rememberLanguage: chosen, personal: true)
    }

    /// `POST /operator/accounts`: an account, checked as `artel user add` checks it, with the
    /// password typed twice or, when none is typed, one the node makes up and shows once.
    private func addAccount(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        try await posted(request, visitor) { posted, _ in
            let name = posted["name"].trimmed
            let communityTexts = posted.all("communities")
            let kindNames = posted.all("kinds")
            var form = OperatorForm(
                values: ["name": name, "role": posted["role"]],
                choices: ["communities": Set(communityTexts), "kinds": Set(kindNames)]
            )
            if Account.problem(withName: name) != nil {
                form.problems["name"] = "operator.accounts.badName"
            } else if try await context.replica.credentials(of: name) != nil {
                form.problems["name"] = "operator.accounts.taken"
            }
            let known = Set(try await communities().map(\.key))
            let communities = communityTexts.compactMap(PublicKey.init(hex:)).filter(known.contains)
            let role = Account.Role(rawValue: posted["role"])
            if let role {
                for problem in NewAccount.rightsProblems(role, communities: communityTexts.count, kinds: kindNames) {
                    switch problem {
                    case .notAnEditor: form.problems["communities"] = "operator.accounts.notAnEditor"
                    case .noCommunity: form.problems["communities"] = "operator.accounts.noCommunity"
                    case .noKinds: form.problems["kinds"] = "operator.accounts.noKinds"
                    case .kind: form.problems["kinds"] = "operator.accounts.badKind"
                    }
                }
                if communities.count != communityTexts.count {
                    form.problems["communities"] = "operator.follows.badCommunity"
                }
            } else {
                form.problems["role"] = "operator.accounts.badRole"
            }
            let password = passwordProblems(posted, into: &form)
            guard let role, form.problems.isEmpty else { return try await accounts(request, form: form) }
            let chosen = password ?? MadePassword.make()
            let added = try await NewAccount(
                name: name,
                role: role,
                communities: communities,
                kinds: Set(kindNames.compactMap { RecordKind(name: $0) })
            ).add(
                passwordHash: await context.passwordChecks.hash(chosen),
                keys: context.directory.keys,
                replica: context.replica,
                now: WallClock.now,
                audit: AuditEntry(
                    time: Int64(WallClock.now),
                    account: visitor.account.name,
                    action: "user.add",
                    target: name,
                    address: address
                )
            )
            let commands = added.grants.filter { $0.outcome.grant == nil }.map { community, outcome in
                "artel grant \(community.hex.prefix(16)) \(added.editorKey?.publicKey.hex ?? "") "
                    + outcome.kinds.map { "--kinds \($0)" }.joined(separator: " ")
                    + " --until \(ISODates.dateTime(outcome.until).prefix(10))"
            }
            let made = OperatorAccountsPage.Made(
                done: "accountAdded",
                password: password == nil ? chosen : nil,
                grantCommands: commands
            )
            return try await accounts(request, made: made)
        }
    }

    /// `POST /operator/accounts/{name}/passwd`: a new password, typed twice or made up and shown
    /// once; the account's sessions end, as with `artel user passwd`.
    private func passwd(
        _ request: Request,
        _ visitor: Visitor,
        _ account: Account,
        address: String?
    ) async throws
        -> Response
    {
        try await posted(request, visitor) { posted, frame in
            var form = OperatorForm()
            let password = passwordProblems(posted, into: &form)
            guard form.problems.isEmpty else {
                return SiteResponses.page(
                    OperatorAccountsPage.passwd(frame, account: account.name, form: form),
                    personal: true
                )
            }
            let chosen = password ?? MadePassword.make()
            try await context.replica.setPassword(
                of: account.name,
                hash: await context.passwordChecks.hash(chosen),
                audit: AuditEntry(
                    time: Int64(WallClock.now),
                    account: visitor.account.name,
                    action: "user.passwd",
                    target: account.name,
                    address: address
                )
            )
            guard password == nil else { return SiteAccess.redirect("/operator/accounts?done=accountPasswd") }
            return try await accounts(request, made: OperatorAccountsPage.Made(done: "accountPasswd", password: chosen))
        }
    }

    /// The password typed, when both fields hold the same strong one; `nil` when both are empty
    /// (the node makes one up); problems beside the fields otherwise.
    private func passwordProblems(_ posted: FormBody, into form: inout OperatorForm) -> String? {
        let (password, again) = (posted["password"], posted["again"])
        guard !password.isEmpty || !again.isEmpty else { return nil }
        if PasswordHash.weakness(of: password) != nil {
            form.problems["password"] = "operator.accounts.weak"
        } else if password != again {
            form.problems["again"] = "operator.accounts.mismatch"
        }
        return password
    }

    /// Runs `body` with the account the path names; 404 when there is none, 403 when it is the
    /// operator's own and `notSelf` says it may not be.
    private func withAccount(
        _ request: Request,
        _ route: APIRequestContext,
        notSelf visitor: Visitor? = nil,
        _ body: (Account, PageFrame) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        let name = route.parameters.get("name") ?? ""
        guard Account.problem(withName: name) == nil,
            let account = try await context.replica.credentials(of: name)?.account
        else { return SiteResponses.page(.notFound(frame)) }
        if let visitor, account.name.lowercased() == visitor.account.name.lowercased() {
            return SiteResponses.page(OperatorPages.forbidden(frame, own: true))
        }
        return try await body(account, frame)
    }
}
