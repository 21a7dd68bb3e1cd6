public import ArtelCore

/// `/operator/grants`: the grants of the communities whose keys the node holds, as `artel grants`
/// lists them, each valid one with a button to revoke it, and the form that issues one.
public enum OperatorGrantsPage: Sendable {
    /// One community whose key the node holds, with its grants.
    public struct Community: Sendable {
        /// Its key.
        public let key: PublicKey
        /// Its name.
        public let name: String
        /// Its grants and how each stands.
        public let trust: Trust

        /// A community with its grants.
        public init(key: PublicKey, name: String, trust: Trust) {
            self.key = key
            self.name = name
            self.trust = trust
        }
    }

    /// The fields of the issue form, in order.
    static let fields = ["community", "grantee", "kinds", "from", "until"]

    /// The page; with problems, status 422.
    ///
    /// - Parameters:
    ///   - communities: the communities whose keys the node holds.
    ///   - keyNames: the names of the keys the node holds, to name grantees by.
    ///   - form: the issue form as sent, with its problems.
    public static func render(
        _ frame: PageFrame,
        communities: [Community],
        keyNames: [PublicKey: String],
        form: OperatorForm = OperatorForm()
    ) -> SitePage {
        let words = frame.words
        var form = form
        if form.values["community"] == nil, communities.count == 1 { form.values["community"] = communities[0].key.hex }
        let sections = communities.map { community -> [String: Any] in
            let grants = community.trust.plane.grants.values.sorted { ($0.validFrom, $0.id) < ($1.validFrom, $1.id) }
            return [
                "name": community.name,
                "grants": grants.map { grant -> [String: Any] in
                    let standing = standing(grant, in: community.trust)
                    return [
                        "id": grant.id.hex,
                        "to": keyNames[grant.grantee].map { "\($0) (\(grant.grantee.hex.prefix(16))…)" }
                            ?? grant.grantee.hex,
                        "kinds": grant.kinds.map { words["node.kind.\($0.name)"] }.sorted().joined(separator: ", "),
                        "dates": SiteDates.day(grant.validFrom, in: frame.language, zone: "UTC") + " — "
                            + SiteDates.day(grant.validUntil, in: frame.language, zone: "UTC"),
                        "standing": words["operator.grants.\(standing)"],
                        "revoke": standing == "valid" ? "/operator/grants/\(grant.id.hex)/revoke" : false,
                    ]
                },
                "hasGrants": !grants.isEmpty,
            ]
        }
        let grantable = RecordKind.allCases.filter { !$0.isGrantOrRevocation }
        let content: [String: Any] = [
            "communities": sections, "hasKeys": !communities.isEmpty,
            "community": form.choice(
                "community",
                legend: "operator.grants.community",
                options: communities.map { (value: $0.key.hex, label: $0.name) },
                single: true,
                frame
            ),
            "grantee": form.line(
                "grantee",
                label: "operator.grants.grantee",
                hint: "operator.grants.granteeHint",
                frame
            ),
            "kinds": form.choice(
                "kinds",
                legend: "operator.grants.kinds",
                options: grantable.map { (value: $0.name, label: words["node.kind.\($0.name)"]) },
                frame
            ),
            "dates": [
                form.line("from", label: "operator.grants.from", hint: "operator.grants.fromHint", type: "date", frame),
                form.line(
                    "until",
                    label: "operator.grants.until",
                    hint: "operator.grants.untilHint",
                    type: "date",
                    frame
                ),
            ],
        ]
        return OperatorPages.formPage(
            frame,
            "operatorGrants",
            title: words["operator.grantsTitle"],
            content: content,
            form: form,
            fields: fields
        )
    }

    /// How a grant stands, as a word key's last part: `valid`, `revoked`, `compromised`, `waiting`
    /// or `invalid`.
    static func standing(_ grant: Grant, in trust: Trust) -> String {
        switch trust.standings[grant.id] {
        case .valid(let chain) where chain.compromised: "compromised"
        case .valid(let chain): chain.cutoff == nil ? "valid" : "revoked"
        case .waiting: "waiting"
        case .invalid, nil: "invalid"
        }
    }
}
