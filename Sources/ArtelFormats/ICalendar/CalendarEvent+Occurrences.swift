import ArtelCore
import Foundation

extension CalendarEvent {
    /// The most occurrences one series shows in a window.
    public static let occurrenceLimit = 500

    /// The occurrences of the event that overlap a window: the event itself when it does not
    /// repeat, else one event per occurrence, each with its own start and end and no recurrence.
    ///
    /// Occurrences are computed when a list or a feed is read, in the event's time zone (so that a
    /// weekly 19:00 stays 19:00 across daylight saving), with EXDATE left out and RDATE added.
    ///
    /// - Parameters:
    ///   - from: the window's first moment, Unix milliseconds: occurrences that end before it are left out.
    ///   - through: the window's last moment: occurrences that start after it are left out.
    ///   - limit: the most occurrences returned.
    /// - Returns: the occurrences, by start.
    public func occurrences(from: Int64, through: Int64, limit: Int = occurrenceLimit) -> [CalendarEvent] {
        let duration = max(0, (end ?? start) - start)
        guard let recurrence else {
            return (end ?? start) >= from && start <= through ? [self] : []
        }
        let zone = (allDay ? nil : timeZone.flatMap(TimeZone.init(identifier:))) ?? TimeZone(identifier: "UTC")!
        let starts = recurrence.starts(first: start, zone: zone, in: (from - duration)...through, limit: limit)
        return starts.filter { $0 + duration >= from }.map { start in
            var occurrence = self
            occurrence.start = start
            occurrence.end = end.map { _ in start + duration }
            occurrence.recurrence = nil
            occurrence.isOccurrence = true
            return occurrence
        }
    }
}

extension CalendarEvent {
    /// How far before now a listing shows a repeating event's occurrences: events are kept until
    /// 30 days after they end.
    public static let listingPast: Int64 = 30 * 86_400_000
    /// How far after now a listing shows a repeating event's occurrences.
    public static let listingAhead: Int64 = 365 * 86_400_000

    /// Events as listings, JSON-LD and CSV show them: a repeating event as its occurrences from 30
    /// days before `now` to a year after, every other event as it is; by start.
    ///
    /// - Parameter now: the moment of reading, Unix milliseconds.
    public static func listing(_ events: [CalendarEvent], now: Int64) -> [CalendarEvent] {
        events.flatMap { event in
            event.recurrence == nil ? [event] : event.occurrences(from: now - listingPast, through: now + listingAhead)
        }
        .sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
    }
}

extension CalendarEvent {
    /// How far ahead ``hasOccurrence(after:)`` looks: two years, past a yearly event's next date.
    public static let occurrenceHorizon: Int64 = 2 * 366 * 86_400_000

    /// Whether a repeating event has an occurrence that ends after `moment` and starts within
    /// ``occurrenceHorizon`` of it: a series still running, which an import keeps alive. An event
    /// that does not repeat never needs that (its expiry is measured from its own end).
    ///
    /// - Parameter moment: Unix milliseconds, usually now.
    public func hasOccurrence(after moment: Int64) -> Bool {
        guard recurrence != nil else { return false }
        return !occurrences(from: moment, through: moment + Self.occurrenceHorizon, limit: 1).isEmpty
    }
}
