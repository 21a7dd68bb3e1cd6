import ArtelSync
import Testing

@Suite("ConnectionDeadlines")
struct ConnectionDeadlinesTests {
    @Test("A handshake that is not done within its limit expires; one that is done never does")
    func handshake() {
        var deadlines = ConnectionDeadlines(handshakeLimit: 10_000, now: 1_000)
        #expect(deadlines.expired(now: 10_999) == nil)
        #expect(deadlines.expired(now: 11_000) == .handshake)
        deadlines.onEstablished(now: 5_000)
        #expect(deadlines.expired(now: 1_000_000) == nil)
    }

    @Test("A goodbye is written once, and a peer that does not read it is cut off after five seconds")
    func goodbyeUnread() {
        var deadlines = ConnectionDeadlines(handshakeLimit: 10_000, now: 0)
        deadlines.onEstablished(now: 100)
        #expect(!deadlines.isFinishing)
        let first = deadlines.onFinishing(now: 1_000)
        let second = deadlines.onFinishing(now: 2_000)
        #expect(first && !second, "the writer is told once")
        #expect(deadlines.isFinishing)
        #expect(deadlines.expired(now: 5_999) == nil)
        #expect(deadlines.expired(now: 6_000) == .goodbyeUnread)
    }

    @Test("Counters are due every ten seconds of a session, counted from the last write")
    func flushes() {
        var deadlines = ConnectionDeadlines(handshakeLimit: 10_000, now: 0)
        var due = deadlines.takeFlushDue(now: 50_000)
        #expect(!due, "no session, no counters")
        deadlines.onEstablished(now: 1_000)
        due = deadlines.takeFlushDue(now: 10_999)
        #expect(!due)
        due = deadlines.takeFlushDue(now: 11_000)
        #expect(due)
        due = deadlines.takeFlushDue(now: 11_001)
        #expect(!due, "the next one ten seconds later")
        deadlines.onFlushed(now: 15_000)
        due = deadlines.takeFlushDue(now: 24_999)
        #expect(!due)
        due = deadlines.takeFlushDue(now: 25_000)
        #expect(due)
    }
}
