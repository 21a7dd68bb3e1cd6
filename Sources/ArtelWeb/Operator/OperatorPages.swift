public import ArtelCore
public import ArtelStore
import Foundation

/// `/operator`: the node's health as `/health` and `artel status` tell it, the links to the
/// operator's other pages, the backup to download; and the pages every operator page shares: the
/// question before a change that cannot be undone, and the refusal of other roles.
public enum OperatorPages: Sendable {
    /// What `/health` and `artel status` tell of the node.
    public struct Health: Sendable {
        /// Whether the node serves (else it is stopping).
        public var serving: Bool
        /// Its name.
        public var name: String
        /// Its node key.
        public var key: PublicKey
        /// The software's version.
        public var version: String
        /// Peers with a session now.
        public var peersConnected: Int
        /// Peers remembered.
        public var peersKnown: Int
        /// When a session last caught up with a peer.
        public var lastSync: UInt64?
        /// What the replica holds.
        public var summary: ReplicaSummary
        /// The replica file's size in bytes.
        public var replicaBytes: Int64

        /// Health.
        public init(
            serving: Bool,
            name: String,
            key: PublicKey,
            version: String,
            peersConnected: Int,
            peersKnown: Int,
            lastSync: UInt64?,
            summary: ReplicaSummary,
            replicaBytes: Int64
        ) {
            self.serving = serving
            self.name = name
            self.key = key
            self.version = version
            self.peersConnected = peersConnected
            self.peersKnown = peersKnown
            self.lastSync = lastSync
            self.summary = summary
            self.replicaBytes = replicaBytes
        }
    }

    /// The kinds whose live records the health shows, in the order `artel status` lists them.
    static let countedKinds: [RecordKind] = [.community, .person, .membership, .tie, .job, .digest, .event]

    /// The dashboard: the node's health, the sections, and the backup.
    public static func dashboard(_ frame: PageFrame, _ health: Health) -> SitePage {
        let words = frame.words
        let records = countedKinds.map { "\(words["operator.kind.\($0.name)"]): \(health.summary.records[$0] ?? 0)" }
        let content: [String: Any] = [
            "status": words[health.serving ? "operator.serving" : "operator.stopping"],
            "name": health.name, "key": health.key.hex, "version": health.version,
            "peersConnected": health.peersConnected, "peersKnown": health.peersKnown,
            "lastSync": health.lastSync.map { SiteDates.dayAndTime(Int64($0), in: frame.language) }
                ?? words["node.never"],
            "records": records.joined(separator: ", "),
            "deltas": health.summary.deltas, "replicaSize": Self.megabytes(health.replicaBytes, in: frame),
            "refusals": health.summary.refusals,
            "csrf": frame.account?.formToken ?? "",
        ]
        return SitePage.render("operator", frame.context(title: words["operator.title"], content: content))
    }

    /// The question before removing something, with the form that does it.
    ///
    /// - Parameters:
    ///   - area: `peers` or `accounts`, whose words ask and answer.
    ///   - subject: what is removed, as the page names it.
    ///   - action: where the form posts.
    public static func confirmRemove(_ frame: PageFrame, area: String, subject: String, action: String) -> SitePage {
        let words = frame.words
        let content: [String: Any] = [
            "question": words["operator.\(area).confirmRemove"], "subject": subject,
            "text": words["operator.\(area).removeText"], "button": words["operator.\(area).yesRemove"],
            "action": action, "back": "/operator/\(area)", "csrf": frame.account?.formToken ?? "",
        ]
        return SitePage.render(
            "operatorConfirm",
            frame.context(title: words["operator.\(area).confirmRemove"], content: content)
        )
    }

    /// The page for a signed-in account that is not an operator; or, when `own`, for an operator
    /// who asked to disable or remove their own account.
    public static func forbidden(_ frame: PageFrame, own: Bool = false) -> SitePage {
        SitePage.error(
            frame,
            status: 403,
            heading: frame.words["operator.forbidden"],
            message: frame.words[own ? "operator.self" : "operator.forbiddenText"]
        )
    }

    /// An operator's page with a form: its problems summed up at the top in the order of `fields`,
    /// what was just done, the session's form token; status 422 while problems are left.
    static func formPage(
        _ frame: PageFrame,
        _ template: String,
        title: String,
        content: [String: Any],
        form: OperatorForm,
        fields: [String]
    ) -> SitePage {
        var content = content
        content["summary"] = form.summary(fields, frame)
        content["hasSummary"] = !form.problems.isEmpty
        content["csrf"] = frame.account?.formToken ?? ""
        if content["done"] == nil, let done = done(frame) { content["done"] = done }
        return SitePage.render(
            template,
            frame.context(title: title, content: content),
            status: form.problems.isEmpty ? 200 : 422
        )
    }

    /// What was just done, said at the top of a page, from its `?done=` parameter.
    static func done(_ frame: PageFrame) -> String? {
        frame.parameters.last { $0.name == "done" }.flatMap { frame.words.optional("operator.done.\($0.value)") }
    }
}

extension OperatorPages {
    /// `4,9 МБ`, `4.9 MB`: a size in megabytes, to a tenth.
    static func megabytes(_ bytes: Int64, in frame: PageFrame) -> String {
        let text = String(format: "%.1f", Double(bytes) / 1_048_576)
        return (frame.language == .russian ? text.replacingOccurrences(of: ".", with: ",") : text)
            + frame.words["operator.megabytes"]
    }
}
