import Foundation

/// Amounts of bytes as people read them: `1,2 МБ`, `1.2 MB` (powers of 1000, as disks and networks
/// count), with the units of the Words catalog.
enum SiteSizes {
    /// The units, smallest first, as keys of the Words catalog.
    private static let units = ["size.bytes", "size.kB", "size.MB", "size.GB", "size.TB"]

    /// `count` bytes: whole bytes below a kilobyte, then one decimal below 100 of a unit.
    static func text(_ count: Int, _ words: SiteWords) -> String {
        var value = Double(max(count, 0))
        var unit = 0
        while value >= 1_000, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        var number =
            unit == 0 || value >= 100 ? String(Int(value.rounded())) : String(Double((value * 10).rounded()) / 10)
        if words.language == SiteLanguage.russian.rawValue { number = number.replacingOccurrences(of: ".", with: ",") }
        return words[units[unit]].replacingOccurrences(of: "{n}", with: number)
    }
}
