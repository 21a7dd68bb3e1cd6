import ArtelCore
import Foundation

/// Dates and times as a form's date-and-time input writes them (`2026-12-10T19:00`), read and
/// written in an event's time zone, as `artel event post --start … --timezone …` reads them.
enum LocalMoments {
    /// Coordinated Universal Time, the zone a job's dates are read in.
    static let utc = TimeZone(identifier: "UTC")!

    /// The moment of `2026-12-10T19:00` or `2026-12-10 19:00` (a day alone means its midnight) in
    /// `zone`; a text with its own offset (`Z`, `+03:00`) is read at that offset. `nil` when the text
    /// is not a date.
    static func read(_ text: String, in zone: TimeZone) -> Int64? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let (moment, _) = ISODates.read(text) else { return nil }
        if text.dropFirst(16).contains(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) { return moment }
        // The wall-clock time read as UTC, moved by the zone's offset at that moment; read again at
        // the offset found, for a time near a change of the zone's offset.
        let guess = moment - offset(zone, moment)
        return moment - offset(zone, guess)
    }

    /// `2026-12-10T19:00` in `zone`.
    static func text(_ milliseconds: Int64, in zone: TimeZone) -> String {
        let shifted = milliseconds + offset(zone, milliseconds)
        return String(ISODates.dateTime(shifted).prefix(16))
    }

    private static func offset(_ zone: TimeZone, _ milliseconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000))) * 1_000
    }
}
