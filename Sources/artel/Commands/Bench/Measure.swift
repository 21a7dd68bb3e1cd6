import ArtelCore
import Foundation

/// Timing, rates and the signature limit that every benchmark figure is read against.
enum Measure {
    /// The result of `body` and the seconds it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try body()
        return (result, seconds(ContinuousClock.now - start))
    }

    /// The seconds `body` took.
    static func timedAsync(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return seconds(ContinuousClock.now - start)
    }

    /// The seconds `body` took, and the CPU seconds this process spent meanwhile, every thread
    /// counted: a steadier figure than the time on a shared machine.
    static func timedWithCPU(_ body: () async throws -> Void) async rethrows -> (seconds: Double, cpu: Double) {
        let cpuBefore = processCPUSeconds()
        let seconds = try await timedAsync(body)
        return (seconds, processCPUSeconds() - cpuBefore)
    }

    /// The CPU time of this process so far, user and system, in seconds.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A rate per second, padded for a column.
    static func rate(_ perSecond: Double) -> String {
        let text = perSecond >= 1e6 ? String(format: "%.2f M/s", perSecond / 1e6) : String(format: "%.0f/s", perSecond)
        return text.padding(toLength: 12, withPad: " ", startingAt: 0)
    }

    /// How many of the deltas verify, on the calling thread.
    static func verify(_ deltas: ArraySlice<SignedDelta>) -> Int {
        deltas.reduce(0) { valid, delta in
            valid + (delta.delta.author.isValidSignature(delta.signature, for: delta.unsignedBytes) ? 1 : 0)
        }
    }

    /// How many of the deltas verify, split over `cores` tasks.
    static func verifyInParallel(_ deltas: [SignedDelta], cores: Int) async -> Int {
        let size = (deltas.count + cores - 1) / cores
        return await withTaskGroup(of: Int.self) { group in
            for start in stride(from: 0, to: deltas.count, by: size) {
                let part = deltas[start..<min(start + size, deltas.count)]
                group.addTask { verify(part) }
            }
            return await group.reduce(0, +)
        }
    }

    /// The raw libsodium verify rate on every core, per second: the limit of delta intake.
    static func verifyLimit(_ deltas: [SignedDelta], cores: Int) async -> Double {
        let seconds = await timedAsync { _ = await verifyInParallel(deltas, cores: cores) }
        return Double(deltas.count) / seconds
    }

    /// The value at a quantile (0…1) of unsorted samples.
    static func quantile(_ samples: [Double], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}
