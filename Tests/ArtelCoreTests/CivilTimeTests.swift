import ArtelCore
import ArtelTestKit
import Foundation
import PropertyBased
import Testing

@Suite("Civil time arithmetic")
struct CivilTimeTests {
    @Test("Dates and times agree with Foundation's Gregorian calendar, both ways, from 1900 to 9999")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        FixedSeeds.check(count: 2_000) { seed, rng in
            let milliseconds = Int64.random(in: -2_208_988_800_000...253_402_300_799_000, using: &rng)
            let time = CivilTime(milliseconds: milliseconds)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second],
                from: Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            )
            let expected = CivilTime(
                year: parts.year!,
                month: parts.month!,
                day: parts.day!,
                hour: parts.hour!,
                minute: parts.minute!,
                second: parts.second!
            )
            #expect(time == expected, "seed \(seed): \(milliseconds)")
            #expect(time.milliseconds() == milliseconds - (milliseconds % 1000 + 1000) % 1000, "seed \(seed)")
        }
    }

    @Test("February 29th exists only in leap years")
    func leapDays() {
        #expect(CivilTime(year: 2028, month: 2, day: 29).isValid && !CivilTime(year: 2026, month: 2, day: 29).isValid)
        #expect(CivilTime(year: 2000, month: 2, day: 29).isValid && !CivilTime(year: 1900, month: 2, day: 29).isValid)
    }
}
