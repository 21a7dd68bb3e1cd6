import ArtelCore
import Testing

@Suite("HybridLogicalClock")
struct HybridLogicalClockTests {
    @Test("Ticks follow the wall clock and never go backwards")
    func ticksAreMonotonic() {
        var clock = HybridLogicalClock()
        let first = clock.tick(now: 1_000)
        let sameMillisecond = clock.tick(now: 1_000)
        let wallWentBack = clock.tick(now: 900)
        let later = clock.tick(now: 2_000)
        #expect(first == HLC(milliseconds: 1_000, counter: 0))
        #expect(sameMillisecond == HLC(milliseconds: 1_000, counter: 1))
        #expect(wallWentBack == HLC(milliseconds: 1_000, counter: 2))
        #expect(later == HLC(milliseconds: 2_000, counter: 0))
    }

    @Test("An exhausted counter borrows the next millisecond")
    func counterOverflow() {
        var clock = HybridLogicalClock(latest: HLC(milliseconds: 5, counter: .max))
        #expect(clock.tick(now: 5) == HLC(milliseconds: 6, counter: 0))
    }

    @Test("Observing moves the clock past accepted timestamps")
    func observeAdvances() throws {
        var clock = HybridLogicalClock()
        try clock.observe(HLC(milliseconds: 10_000, counter: 7), now: 9_000)
        #expect(clock.tick(now: 9_500) == HLC(milliseconds: 10_000, counter: 8))
    }

    @Test("A timestamp more than ten minutes ahead is refused and changes nothing")
    func futureRefused() {
        var clock = HybridLogicalClock(latest: HLC(milliseconds: 100))
        let now: UInt64 = 1_000_000
        #expect(throws: DeltaError(.futureTimestamp, "")) {
            try clock.observe(HLC(milliseconds: now + HybridLogicalClock.maximumDrift + 1), now: now)
        }
        #expect(clock.latest == HLC(milliseconds: 100))
        #expect(throws: Never.self) {
            try clock.observe(HLC(milliseconds: now + HybridLogicalClock.maximumDrift), now: now)
        }
    }

    @Test("Timestamps order by milliseconds, then counter")
    func ordering() {
        #expect(HLC(milliseconds: 1, counter: 9) < HLC(milliseconds: 2, counter: 0))
        #expect(HLC(milliseconds: 2, counter: 0) < HLC(milliseconds: 2, counter: 1))
        #expect(HLC(milliseconds: 3, counter: 4).milliseconds == 3)
        #expect(HLC(milliseconds: 3, counter: 4).counter == 4)
    }
}
