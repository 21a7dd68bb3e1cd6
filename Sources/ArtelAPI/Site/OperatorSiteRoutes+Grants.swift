import ArtelCore
import ArtelNode
import ArtelStore
import ArtelWeb
import Hummingbird

/// `/operator/grants`: the grants of the communities whose keys the node holds, as `artel grants`
/// lists them; issuing one signed with the community key, as `artel grant` does, and revoking one
/// from now on, as `artel revoke` does.
extension OperatorSiteRoutes {
    func registerGrants(on router: Router<APIRequestContext>) {
        router.get("operator/grants") { request, _ in try await guarded(request) { _ in try await grants(request) } }
        router.post("operator/grants") { request, route in
            try await guarded(request) { try await issue(request, $0, address: route.address) }
        }
        router.get("operator/grants/:id/revoke") { request, route in
            try await guarded(request) { _ in
                try await withGrant(request, route) { grant, frame in
                    let page = OperatorPages.confirmRemove(
                        frame,
                        area: "grants",
                        subject: grant.id.hex,
                        action: "/operator/grants/\(grant.id.hex)/revoke"
                    )
                    return SiteResponses.page(page)
                }
            }
        }
        router.post("operator/grants/:id/revoke") { request, route in
            try await guarded(request) { visitor in
                try await withGrant(request, route) { grant, _ in
                    try await posted(request, visitor) { _, _ in
                        try await revoke(grant, visitor, address: route.address)
                    }
                }
            }
        }
    }

    /// `GET /operator/grants`.
    private func grants(_ request: Request, form: OperatorForm = OperatorForm()) async throws -> Response {
        let (frame, chosen) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        var held: [OperatorGrantsPage.Community] = []
        for community in try await heldCommunities() {
            held.append(
                OperatorGrantsPage.Community(
                    key: community.key,
                    name: community.name,
                    trust: try await context.replica.trust(of: community.key)
                )
            )
        }
        let page = OperatorGrantsPage.render(frame, communities: held, keyNames: try keyNames(), form: form)
        return SiteResponses.page(page, rememberLanguage: chosen)
    }

    /// `POST /operator/grants`: a grant signed with the community's key, checked as `artel grant`
    /// checks it: a key, at least one kind, dates in order and at most a year apart.
    private func issue(_ request: Request, _ visitor: Visitor, address: String?) async throws -> Response {
        try await posted(request, visitor) { posted, _ in
            let kindNames = posted.all("kinds")
            let typed = ["from": posted["from"].trimmed, "until": posted["until"].trimmed]
            var form = OperatorForm(
                values: typed.merging(["community": posted["community"], "grantee": posted["grantee"].trimmed]) { $1 },
                choices: ["kinds": Set(kindNames)]
            )
            let community = try await heldCommunities().first { $0.key.hex == posted["community"] }?.key
            if community == nil { form.problems["community"] = "operator.grants.badCommunity" }
            let grantee = try granteeKey(form.values["grantee"]!)
            if grantee == nil { form.problems["grantee"] = "operator.grants.badGrantee" }
            let kinds = kindNames.compactMap { RecordKind(name: $0) }.filter { !$0.isGrantOrRevocation }
            if kinds.isEmpty || kinds.count != kindNames.count { form.problems["kinds"] = "operator.grants.noKinds" }
            let now = WallClock.now
            let from = typed["from"]!.isEmpty ? Int64(now) : ISODates.read(typed["from"]!).map(\.milliseconds)
            let until = ISODates.read(typed["until"]!).map {
                $0.isDate ? $0.milliseconds + 86_400_000 - 1 : $0.milliseconds
            }
            if from == nil { form.problems["from"] = "operator.grants.badDate" }
            if until == nil { form.problems["until"] = "operator.grants.badDate" }
            if let from, let until {
                if until < from {
                    form.problems["until"] = "operator.grants.beforeFrom"
                } else if until - from > Grant.longestMilliseconds {
                    form.problems["until"] = "operator.grants.tooLong"
                }
            }
            guard let community, let grantee, let from, let until, form.problems.isEmpty,
                let key = try context.directory.keys.signingKey(for: community)
            else { return try await grants(request, form: form) }
            let granted = try await Publisher(replica: context.replica, key: key).create(
                .grant,
                community: community,
                record: RecordID.grant(issuer: community, timestamp: HLC(milliseconds: now)),
                operations: Grant.operations(
                    grantee: grantee,
                    kinds: Set(kinds),
                    validFrom: from,
                    validUntil: until,
                    mayDelegate: false,
                    parent: nil,
                    note: "issued on the site by \(visitor.account.name)"
                ),
                now: now
            )
            try await context.audit(visitor, "grant", granted.delta.record.hex, address: address)
            return SiteAccess.redirect("/operator/grants?done=granted")
        }
    }

    /// Revokes a grant from now on, signed with its community's key.
    private func revoke(_ grant: StoredRecord, _ visitor: Visitor, address: String?) async throws -> Response {
        guard let key = try context.directory.keys.signingKey(for: grant.community) else {
            return SiteAccess.redirect("/operator/grants")
        }
        let now = WallClock.now
        let revoked = try await Publisher(replica: context.replica, key: key).create(
            .revocation,
            community: grant.community,
            record: Publisher.newRecordID(now: now),
            operations: Revocation.operations(grant: grant.reference, effectiveFrom: HLC(milliseconds: now)),
            now: now
        )
        try await context.audit(visitor, "revoke", "\(grant.id.hex) \(revoked.delta.record.hex)", address: address)
        return SiteAccess.redirect("/operator/grants?done=revoked")
    }

    /// Runs `body` with the grant the path names, of a community whose key the node holds; 404 otherwise.
    private func withGrant(
        _ request: Request,
        _ route: APIRequestContext,
        _ body: (StoredRecord, PageFrame) async throws -> Response
    ) async throws -> Response {
        let (frame, _) = SiteRoutes.frame(request, .node, siteName: context.nodeName)
        guard let grant = try await context.pathRecord(.grant, route),
            try context.directory.keys.signingKey(for: grant.community) != nil
        else { return SiteResponses.page(.notFound(frame)) }
        return try await body(grant, frame)
    }

    /// The known communities whose keys the node holds.
    private func heldCommunities() async throws -> [(key: PublicKey, name: String)] {
        try await communities().filter { try context.directory.keys.signingKey(for: $0.key) != nil }
    }

    /// The names of the keys the node holds.
    private func keyNames() throws -> [PublicKey: String] {
        Dictionary(
            try context.directory.keys.list().map { ($0.publicKey, $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// A grantee given as 64 hex digits or as the name of a key in the node's key store.
    private func granteeKey(_ text: String) throws -> PublicKey? {
        if let key = PublicKey(hex: text.lowercased()) { return key }
        guard Account.problem(withName: text) == nil else { return nil }
        return try context.directory.keys.entry(named: text)?.publicKey
    }
}
