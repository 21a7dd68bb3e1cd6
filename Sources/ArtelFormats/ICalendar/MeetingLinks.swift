import Foundation

/// The links of online meetings people write into a calendar: Google Meet, Zoom, Yandex Telemost,
/// Jitsi, Microsoft Teams, and what Russian communities meet on (МТС Линк, Контур.Толк, SaluteJazz,
/// VK calls and video, Telegram video chats), found in LOCATION, DESCRIPTION, CONFERENCE or Google's
/// and Microsoft's own properties.
enum MeetingLinks {
    /// Hosts (and their subdomains) that serve meetings.
    static let hosts = [
        "meet.google.com", "zoom.us", "telemost.yandex.ru", "telemost.360.yandex.ru", "meet.jit.si",
        "teams.microsoft.com", "teams.live.com", "mts-link.ru", "webinar.ru", "ktalk.ru", "salutejazz.ru",
        "vkvideo.ru",
    ]

    /// Pages of general sites that are meetings: a VK call or video, a Telegram video chat or stream.
    static let pages = ["vk.com/call/", "vk.com/video", "vk.ru/call/", "vk.ru/video"]

    /// What a Telegram link to a chat's video chat or live stream ends in.
    static let telegramCalls = ["?videochat", "?livestream", "?voicechat"]

    /// LOCATION texts that name a way to meet, not a place (lower-cased).
    static let meetingWords: Set<String> = [
        "online", "online event", "online meeting", "virtual", "zoom", "google meet", "microsoft teams",
        "microsoft teams meeting", "teams meeting", "jitsi", "webinar", "онлайн", "онлайн-встреча",
        "онлайн встреча", "вебинар", "зум", "телемост", "яндекс телемост", "яндекс.телемост",
        "собрание microsoft teams", "встреча microsoft teams", "собрание в microsoft teams", "мтс линк",
        "контур.толк",
    ]

    /// Whether a LOCATION names only a way to meet online ("Online event", "Собрание Microsoft Teams").
    static func namesOnlyAMeeting(_ location: String) -> Bool {
        let words = location.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return meetingWords.contains(words.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!()")))
    }

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
        let page = afterScheme.lowercased().replacingOccurrences(of: "www.", with: "", options: .anchored)
        if pages.contains(where: page.hasPrefix) { return true }
        if host == "t.me", telegramCalls.contains(where: page.contains) { return true }
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
