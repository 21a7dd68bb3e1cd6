import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Threads that check big batches of deltas at a lower scheduling priority than the rest of the
/// node, one per core.
///
/// Verifying a sync of many deltas keeps every core busy for seconds; the node meanwhile answers
/// its site and API, whose requests then waited behind it. On these threads (nice +10 on Linux,
/// where a thread's nice value is its own) the scheduler gives requests the cores first and the
/// checks whatever is left, so a sync is as fast as before on an idle node and pages stay quick on
/// a busy one. A thread never raises its priority again, which would need a privilege.
enum BackgroundThreads {
    /// How much lower than the node's the threads' priority is, as a nice increment.
    static let niceness: Int32 = 10

    /// Runs `body` on one of the threads and returns its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            pool.submit { continuation.resume(returning: body()) }
        }
    }

    /// Batches smaller than this are mapped on one thread: splitting costs more than it saves.
    static let parallelThreshold = 64

    /// Transforms every element of a batch on the threads, in chunks spread over every core, and
    /// returns the results in the batch's order.
    static func map<Element: Sendable, Result: Sendable>(
        _ batch: [Element],
        _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard batch.count >= parallelThreshold, cores > 1 else { return await run { batch.map(transform) } }
        let chunkCount = cores * 4
        let chunkSize = (batch.count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: batch.count, by: chunkSize) {
                let chunk = batch[start..<min(start + chunkSize, batch.count)]
                group.addTask { (start, await run { chunk.map(transform) }) }
            }
            var results = [Result?](repeating: nil, count: batch.count)
            for await (start, chunk) in group {
                for (offset, result) in chunk.enumerated() { results[start + offset] = result }
            }
            return results.map { $0! }
        }
    }

    private static let pool = Pool(threads: ProcessInfo.processInfo.activeProcessorCount)

    /// The threads and the work waiting for them.
    private final class Pool: @unchecked Sendable {
        private let condition = NSCondition()
        private var waiting: [@Sendable () -> Void] = []

        init(threads: Int) {
            for number in 0..<max(threads, 1) {
                let thread = Thread { [unowned self] in
                    #if canImport(Glibc)
                    // `who` 0 is the calling thread: Linux keeps a nice value per thread.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, BackgroundThreads.niceness)
                    #endif
                    self.work()
                }
                thread.name = "artel-background-\(number)"
                thread.start()
            }
        }

        func submit(_ job: @escaping @Sendable () -> Void) {
            condition.lock()
            waiting.append(job)
            condition.signal()
            condition.unlock()
        }

        private func work() {
            while true {
                condition.lock()
                while waiting.isEmpty { condition.wait() }
                let job = waiting.removeFirst()
                condition.unlock()
                job()
            }
        }
    }
}
