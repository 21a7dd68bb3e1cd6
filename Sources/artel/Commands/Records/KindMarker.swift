import ArtelCore

/// Names the record kind a generic command works on.
protocol KindMarker: Sendable {
    static var kind: RecordKind { get }
    /// An example id prefix for help texts.
    static var example: String { get }
}

enum CommunityKind: KindMarker {
    static let kind = RecordKind.community
    static let example = "\"Tech Leaders Moscow\""
}

enum JobKind: KindMarker {
    static let kind = RecordKind.job
    static let example = "019a4c2e71b3"
}

enum EventKind: KindMarker {
    static let kind = RecordKind.event
    static let example = "019a4c30aa07"
}

enum PersonKind: KindMarker {
    static let kind = RecordKind.person
    static let example = "019a4c31f2d0"
}

enum MembershipKind: KindMarker {
    static let kind = RecordKind.membership
    static let example = "8f3e21"
}

enum TieKind: KindMarker {
    static let kind = RecordKind.tie
    static let example = "a41c09"
}

enum DigestKind: KindMarker {
    static let kind = RecordKind.digest
    static let example = "019a4c40c1e9"
}
