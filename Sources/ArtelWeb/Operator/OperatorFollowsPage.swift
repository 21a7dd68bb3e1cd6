public import ArtelCore

/// `/operator/follows`: what the node follows, and the form that follows or unfollows a community,
/// all of its kinds or some.
public enum OperatorFollowsPage: Sendable {
    /// The page; with problems, status 422.
    ///
    /// - Parameters:
    ///   - follows: what the node follows.
    ///   - communities: the communities the node knows, to choose from.
    ///   - form: the form as sent, with its problems.
    public static func render(
        _ frame: PageFrame,
        follows: FollowSet,
        communities: [(key: PublicKey, name: String)],
        form: OperatorForm = OperatorForm()
    ) -> SitePage {
        let words = frame.words
        let names = Dictionary(communities.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        let options = communities.map { (value: $0.key.hex, label: $0.name) }
        let content: [String: Any] = [
            "follows": follows.entries.map { NodePage.followItem($0, names: names, frame) },
            "hasFollows": !follows.entries.isEmpty,
            "community": form.choice(
                "community",
                legend: "operator.follows.community",
                options: options,
                single: true,
                frame
            ),
            "kinds": form.choice(
                "kinds",
                legend: "operator.follows.kinds",
                options: RecordKind.allCases.map { (value: $0.name, label: words["node.kind.\($0.name)"]) },
                frame
            ),
        ]
        return OperatorPages.formPage(
            frame,
            "operatorFollows",
            title: words["operator.followsTitle"],
            content: content,
            form: form,
            fields: ["community", "kinds"]
        )
    }
}
