public import ArtelCore

/// A filter over the materialized records of one kind, as `artel list` and the HTTP API use it.
///
/// Every filter narrows the result; filters that do not apply to the kind are refused by
/// ``Replica/list(_:)`` with a message that names them.
public struct RecordQuery: Sendable {
    /// The kind to list.
    public var kind: RecordKind
    /// Words to search for. Jobs and events use the full-text index (every word must match, as a
    /// prefix, case and diacritics ignored, Cyrillic included); other kinds match names and titles.
    public var text: String?
    /// Only these communities (all when empty).
    public var communities: [PublicKey] = []
    /// Only records carrying every one of these tags (topics for communities and people).
    public var tags: [String] = []
    /// Only jobs with one of these work modes (`remote`, `hybrid`, `onsite`).
    public var workModes: [String] = []
    /// Only events attended in one of these ways (`offline`, `online`, `mixed`).
    public var attendances: [String] = []
    /// Only jobs with one of these kinds of employment (`full_time`, `part_time`, `contract`, …).
    public var employments: [String] = []
    /// Only jobs in one of these cities, case and ё ignored.
    public var cities: [String] = []
    /// Only jobs with one of these apply links: the same vacancy as other communities listed it.
    public var applyLinks: [String] = []
    /// Only jobs whose salary range reaches at least this amount.
    public var salaryAtLeast: Int64?
    /// Only jobs whose salary range starts at or below this amount.
    public var salaryAtMost: Int64?
    /// Only jobs paid in this currency.
    public var currency: String?
    /// Only records from this moment on (jobs: posted; events: not ended, or repeating, since a series
    /// is expanded into its occurrences when read; digests: period not ended), Unix ms.
    public var from: Int64?
    /// Only records up to this moment (jobs: posted; events: started; digests: period started), Unix ms.
    public var until: Int64?
    /// Only records with this status (jobs, events). A record without one has its kind's first:
    /// a job is `open`, an event `scheduled`.
    public var status: String?
    /// Only jobs open at this moment, Unix ms: status `open` or none, and `valid_through` not passed.
    /// Feeds, exports and the default job list ask for it; filled, closed and expired jobs stay out.
    public var openAt: Int64?
    /// Only records of this type (event type, community kind, tie type).
    public var type: String?
    /// Only memberships and ties naming this person.
    public var person: Reference?
    /// Whether records the operator hid (`artel hide`) are listed too.
    public var includingHidden = false
    /// Only these visibilities (all when empty): the record's own, else its kind's default; a tie
    /// counts as public only when both people confirmed it. Public feeds and exports ask for `public`.
    public var visibilities: [Visibility] = []
    /// Only these records (all when empty): what a live change stream checks its filters on.
    public var records: [RecordID] = []
    /// The order of the result.
    public var order: Order = .natural
    /// At most this many records.
    public var limit = 50
    /// Skip this many records first.
    public var offset = 0

    /// How a list is ordered.
    public enum Order: String, Sendable, CaseIterable {
        /// The kind's own order: jobs newest first, events by start, digests by period, names A to Z.
        case natural
        /// Jobs by the top of their salary range, highest first; jobs without one last.
        case salary
    }

    /// A query for every record of a kind.
    public init(kind: RecordKind) {
        self.kind = kind
    }
}
