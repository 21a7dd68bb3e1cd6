import Testing

@testable import ArtelNode

@Suite("LogThrottle")
struct LogThrottleTests {
    let refused = LogThrottle.Source(event: "refused a connection", address: "203.0.113.9")

    @Test("An address gets five lines a minute, then one summary with the rest, and a new window after")
    func perAddress() {
        var throttle = LogThrottle()
        let decisions = (0..<1_234).map { throttle.shouldLog(refused, now: 1_000 + UInt64($0) * 10) }
        #expect(decisions.filter { $0 }.count == LogThrottle.linesPerWindow)
        let open = throttle.endedWindows(now: 60_999)
        #expect(open.isEmpty, "the window is still open")
        let ended = throttle.endedWindows(now: 61_000)
        #expect(ended.count == 1 && ended[0].source == refused && ended[0].suppressed == 1_234 - 5)
        let again = throttle.endedWindows(now: 200_000)
        #expect(again.isEmpty, "a summary is written once")
        let fresh = throttle.shouldLog(refused, now: 200_000)
        #expect(fresh, "a new window starts")
    }

    @Test("However many addresses, at most twenty lines a second, and a bounded number of sources")
    func inAll() {
        var throttle = LogThrottle()
        let logged = (0..<5_000).filter { index in
            throttle.shouldLog(.init(event: "a connection failed", address: "198.51.100.\(index)"), now: 5_000)
        }
        #expect(logged.count == LogThrottle.linesPerSecond)
        let ended = throttle.endedWindows(now: 5_000 + LogThrottle.window)
        #expect(ended.count <= LogThrottle.trackedSources + 1)
        #expect(ended.map(\.suppressed).reduce(0, +) == 5_000 - LogThrottle.linesPerSecond)
        #expect(ended.contains { $0.source.address == "other addresses" })
    }
}
