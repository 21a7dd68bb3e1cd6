import ArtelFormats
import ArtelTestKit
import Foundation
import PropertyBased
import Testing

@Suite("iCalendar feeds")
struct ICalendarWriterTests {
    static let alphabet = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCxyz019,;:\\\n\"🙂🎉")

    static func text(_ rng: inout Xoshiro, _ length: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    @Test("Every line ends in CRLF and holds at most 75 octets, and what is written reads back the same")
    func roundTrip() throws {
        try FixedSeeds.check(count: 200) { seed, rng in
            var events: [CalendarEvent] = []
            for index in 0..<Int.random(in: 1...4, using: &rng) {
                let start = Int64.random(in: 1_700_000_000...1_900_000_000, using: &rng) * 1000
                var event = CalendarEvent(
                    uid: "\(seed)-\(index)@artel.test",
                    summary: Self.text(&rng, 1...120).trimmingCharacters(in: .whitespacesAndNewlines) + "x",
                    start: start
                )
                if Bool.random(using: &rng) {
                    event.allDay = true
                    event.start = start / 86_400_000 * 86_400_000
                    event.end = event.start + Int64.random(in: 1...3, using: &rng) * 86_400_000
                } else {
                    event.end = start + Int64.random(in: 0...10_000, using: &rng) * 1000
                }
                // Text reads back without the spaces around it, and blank text as none.
                let blank: (String) -> String? = {
                    let text = $0.trimmingCharacters(in: .whitespacesAndNewlines)
                    return text.isEmpty ? nil : text
                }
                event.description = Bool.random(using: &rng) ? blank(Self.text(&rng, 0...400)) : nil
                // A place is one line: the lines of an address read back joined by commas.
                let place = Self.text(&rng, 1...80).replacingOccurrences(of: "\n", with: " ")
                event.location = Bool.random(using: &rng) ? blank(place) : nil
                event.attendance = event.location == nil ? nil : "offline"  // a place alone: people come
                event.url = Bool.random(using: &rng) ? "https://example.org/e/\(index)" : nil
                event.status = CalendarEvent.artelStatuses.sorted().randomElement(using: &rng)
                event.sequence = Int64.random(in: 0...9, using: &rng)
                event.recurrence = Bool.random(using: &rng) ? Recurrence(rule: "FREQ=WEEKLY;BYDAY=TH") : nil
                event.updated = start - 1000
                events.append(event)
            }
            let feed = ICalendarWriter.feed(events, name: "Тест; календарь", now: 0)
            let bytes = Array(feed.utf8)
            var lineStart = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                #expect(index > 0 && bytes[index - 1] == 0x0D, "seed \(seed): a bare LF")
                #expect(index - 1 - lineStart <= 75, "seed \(seed): a line of \(index - 1 - lineStart) octets")
                #expect(
                    String(validating: bytes[lineStart..<index - 1], as: UTF8.self) != nil,
                    "seed \(seed): a split character"
                )
                lineStart = index + 1
            }
            #expect(lineStart == bytes.count, "seed \(seed): the feed ends in CRLF")
            let read = try ICalendarReader.read(bytes).events
            #expect(read == events, "seed \(seed)")
        }
    }

    @Test("A cancelled event stays in the feed, as cancelled")
    func cancelled() {
        var event = CalendarEvent(uid: "a@artel", summary: "Вебинар", start: 1_796_000_000_000)
        event.status = "cancelled"
        let feed = ICalendarWriter.feed([event], name: "x", now: 1_795_000_000_000)
        #expect(feed.contains("\r\nSTATUS:CANCELLED\r\n") && feed.contains("\r\nDTSTAMP:20261118T"))
    }
}
