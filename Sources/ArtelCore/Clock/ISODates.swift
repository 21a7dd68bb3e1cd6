/// ISO 8601 / RFC 3339 dates and times, as schema.org and feeds write them.
package enum ISODates {
    /// `2026-11-18T07:15:00Z`.
    package static func dateTime(_ milliseconds: Int64) -> String {
        let time = CivilTime(milliseconds: milliseconds)
        return date(milliseconds) + "T" + CivilTime.digits(time.hour, 2) + ":" + CivilTime.digits(time.minute, 2) + ":"
            + CivilTime.digits(time.second, 2) + "Z"
    }

    /// `2026-11-18`.
    package static func date(_ milliseconds: Int64) -> String {
        let time = CivilTime(milliseconds: milliseconds)
        return CivilTime.digits(time.year, 4) + "-" + CivilTime.digits(time.month, 2) + "-"
            + CivilTime.digits(time.day, 2)
    }

    /// What ``read(_:)`` takes, as a regular expression (protocol/openapi.json states the same for
    /// every moment): years 1900 to 9999, a date, optionally a time with seconds, fraction and offset.
    /// Text of this shape may still name no real moment (February 30), which `read` refuses.
    package static let pattern =
        #"^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"#
        + #"([T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]*)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$"#

    /// Reads `2026-12-03`, `2026-12-03T19:00`, `2026-12-03T19:00:00.000+03:00`, `…Z`; a time
    /// without an offset is read as UTC. Returns the moment and whether only a date was given.
    package static func read(_ text: String) -> (milliseconds: Int64, isDate: Bool)? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + length] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
            let day = number(8, 2)
        else { return nil }
        var time = CivilTime(year: year, month: month, day: day)
        if bytes.count == 10 { return time.isValid ? (time.milliseconds(), true) : nil }
        guard bytes[10] == 0x54 || bytes[10] == 0x20, bytes.count >= 16, bytes[13] == 0x3A, let hour = number(11, 2),
            let minute = number(14, 2)
        else { return nil }
        time.hour = hour
        time.minute = minute
        var index = 16
        if index < bytes.count, bytes[index] == 0x3A {
            guard let second = number(17, 2) else { return nil }
            time.second = second
            index = 19
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            }
        }
        var offset = 0
        if index < bytes.count {
            switch bytes[index] {
            case 0x5A where index + 1 == bytes.count: offset = 0
            case 0x2B, 0x2D:
                let sign = bytes[index] == 0x2D ? -1 : 1
                guard let hours = number(index + 1, 2) else { return nil }
                let minutesAt = index + 3 < bytes.count && bytes[index + 3] == 0x3A ? index + 4 : index + 3
                guard let minutes = number(minutesAt, 2), minutesAt + 2 == bytes.count else { return nil }
                offset = sign * (hours * 3_600 + minutes * 60)
            default: return nil
            }
        }
        guard time.isValid, (1900...9999).contains(year) else { return nil }
        return (time.milliseconds(offset: offset), false)
    }
}
