/// Bounds the log lines that peers can cause, whatever they do: the first ``linesPerWindow`` of an
/// event from one address in a ``window`` are logged as they come, at most ``linesPerSecond`` in
/// all; the rest are counted, and each window that left some out ends with one summary line
/// ("1 234 more: refused a connection: the node is full, from 203.0.113.9 in the last minute").
/// A pure state machine: the caller passes the time.
struct LogThrottle: Sendable {
    /// An event and the address it came from.
    struct Source: Hashable, Sendable {
        let event: String
        let address: String
    }

    /// How long a source's count runs before its summary, in milliseconds.
    static let window: UInt64 = 60_000
    /// Lines logged per source and window before the rest are only counted.
    static let linesPerWindow = 5
    /// Lines logged per second in all, whatever the number of sources.
    static let linesPerSecond = 20
    /// Sources counted apart; the rest share one, so that many addresses cannot grow the memory.
    static let trackedSources = 200

    private struct Window {
        let start: UInt64
        var logged = 0
        var suppressed = 0
    }

    private var windows: [Source: Window] = [:]
    private var second: (start: UInt64, lines: Int) = (0, 0)

    /// Whether to log one more event from `source` now; when not, it is counted for the summary.
    mutating func shouldLog(_ source: Source, now: UInt64) -> Bool {
        let key =
            windows[source] == nil && windows.count >= Self.trackedSources
            ? Source(event: source.event, address: "other addresses") : source
        var window = windows[key] ?? Window(start: now)
        if now >= second.start + 1_000 { second = (now, 0) }
        let allowed = window.logged < Self.linesPerWindow && second.lines < Self.linesPerSecond
        if allowed {
            window.logged += 1
            second.lines += 1
        } else {
            window.suppressed += 1
        }
        windows[key] = window
        return allowed
    }

    /// The sources whose window has ended by `now` and left events unlogged, with their counts, by
    /// address; every ended window is forgotten.
    mutating func endedWindows(now: UInt64) -> [(source: Source, suppressed: Int)] {
        var ended: [(source: Source, suppressed: Int)] = []
        for (source, window) in windows where now >= window.start + Self.window {
            if window.suppressed > 0 { ended.append((source, window.suppressed)) }
            windows[source] = nil
        }
        return ended.sorted { ($0.source.address, $0.source.event) < ($1.source.address, $1.source.event) }
    }
}
