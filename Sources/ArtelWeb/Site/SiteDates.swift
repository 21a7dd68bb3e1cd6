import ArtelCore
import Foundation

/// Dates and times as people read them on the site: `6 декабря 2026`, `6 December 2026`, with the
/// time of day in a named zone (an event's, else Moscow's, the federation's usual one).
enum SiteDates {
    private static let russianMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
        "декабря",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The zone times are shown in when a record names none.
    static let defaultZone = "Europe/Moscow"

    /// A day: `6 декабря 2026`.
    static func day(_ milliseconds: Int64, in language: SiteLanguage, zone: String? = nil) -> String {
        let civil = CivilTime(milliseconds: milliseconds, offset: offset(milliseconds, zone))
        let months = language == .russian ? russianMonths : englishMonths
        return "\(civil.day) \(months[civil.month - 1]) \(civil.year)"
    }

    /// A day and a time of day: `6 декабря 2026, 19:00`.
    static func dayAndTime(_ milliseconds: Int64, in language: SiteLanguage, zone: String? = nil) -> String {
        let civil = CivilTime(milliseconds: milliseconds, offset: offset(milliseconds, zone))
        return day(milliseconds, in: language, zone: zone) + ", "
            + String(format: "%02d:%02d", civil.hour, civil.minute)
    }

    /// The seconds east of UTC of a zone at a moment; an unknown zone counts as the default one.
    static func offset(_ milliseconds: Int64, _ zone: String?) -> Int {
        let zone = TimeZone(identifier: zone ?? defaultZone) ?? TimeZone(identifier: defaultZone)!
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000))
    }
}
