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
    /// LOCATION.
    public var location: String?
    /// URL.
    public var url: String?
    /// STATUS, as Artel names it: scheduled, cancelled, postponed.
    public var status: String?
    /// SEQUENCE.
    public var sequence: Int64?
    /// RRULE, kept as text.
    public var recurrence: String?
    /// LAST-MODIFIED or DTSTAMP, in UTC.
    public var updated: Int64?

    /// An event with its required parts.
    public init(uid: String, summary: String, start: Int64, allDay: Bool = false) {
        self.uid = uid
        self.summary = summary
        self.start = start
        self.allDay = allDay
    }
}
