import Foundation

/// The links of online meetings people write into a calendar: Google Meet, Zoom, Yandex Telemost,
/// Jitsi and Microsoft Teams, found in LOCATION, DESCRIPTION, CONFERENCE or Google's and
/// Microsoft's own properties.
enum MeetingLinks {
    /// Hosts (and their subdomains) that serve meetings.
    static let hosts = [
        "meet.google.com", "zoom.us", "telemost.yandex.ru", "telemost.360.yandex.ru", "meet.jit.si",
        "teams.microsoft.com", "teams.live.com",
    ]

    /// The meeting links in a text, in order, each once.
    static func find(in text: String) -> [String] {
        var links: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || "<>\"'()[]«»".contains($0) }) {
            guard
                let start = word.range(of: "https://", options: .caseInsensitive)?.lowerBound
                    ?? word.range(of: "http://", options: .caseInsensitive)?.lowerBound
            else { continue }
            var link = String(word[start...])
            while let last = link.last, ".,;:!?".contains(last) { link.removeLast() }
            if isMeeting(link) && !links.contains(link) { links.append(link) }
        }
        return links
    }

    /// Whether a link leads to a meeting.
    static func isMeeting(_ link: String) -> Bool {
        let afterScheme = link.drop { $0 != "/" }.drop { $0 == "/" }
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        // Self-hosted Jitsi lives at jitsi.<domain> or meet.<domain>/…; only the first names itself.
        return hosts.contains { host == $0 || host.hasSuffix("." + $0) } || host.hasPrefix("jitsi.")
    }

    /// Whether a text is nothing but links (so that it names no place).
    static func isOnlyLinks(_ text: String) -> Bool {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).allSatisfy {
            $0.lowercased().hasPrefix("https://") || $0.lowercased().hasPrefix("http://")
        }
    }
}
