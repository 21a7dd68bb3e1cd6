import ArtelCore

/// An event as iCalendar carries it: what `artel import ics` reads and `artel export --format ics`
/// writes. Times are Unix milliseconds in UTC.
public struct CalendarEvent: Equatable, Sendable {
    /// The event's UID, stable across versions of the event.
    public var uid: String
    /// SUMMARY.
    public var summary: String
    /// DESCRIPTION.
    public var description: String?
    /// DTSTART, in UTC; for an all-day event, midnight UTC of its first day (a DATE names a day).
    public var start: Int64
    /// DTEND, in UTC; for an all-day event, midnight UTC of the day after its last (exclusive).
    public var end: Int64?
    /// Whether DTSTART is a DATE rather than a DATE-TIME.
    public var allDay: Bool
    /// The IANA time zone the times were given in, when they were.
    public var timeZone: String?
    /// LOCATION: where people come, when they do (a meeting link found there is in ``onlineURLs``).
    public var location: String?
    /// URL: the event's page or registration.
    public var url: String?
    /// How people attend: `offline`, `online` or `mixed`, when known.
    public var attendance: String?
    /// The links people join the event by (CONFERENCE; a Meet, Zoom, Telemost, Jitsi or Teams link).
    public var onlineURLs: [String] = []
    /// STATUS, as Artel names it: one of ``artelStatuses``.
    public var status: String?
    /// SEQUENCE.
    public var sequence: Int64?
    /// How the event repeats: RRULE, EXDATE and RDATE.
    public var recurrence: Recurrence?
    /// Whether this is one occurrence of a repeating event (``occurrences(from:through:limit:)``).
    public var isOccurrence = false
    /// LAST-MODIFIED or DTSTAMP, in UTC.
    public var updated: Int64?

    /// The statuses an Artel event may have, as its kind's schema lists them.
    public static let artelStatuses: Set<String> = {
        guard case .oneOf(let statuses) = RecordKind.event.schema.field(named: "status")?.rule else { return [] }
        return Set(statuses)
    }()

    /// An event with its required parts.
    public init(uid: String, summary: String, start: Int64, allDay: Bool = false) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.allDay = allDay
    }
}
