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

    /// Lets go of `value` on one of the threads, where it is freed if nothing else holds it.
    static func release<T: Sendable>(_ value: consuming T) {
        pool.submit { [value] in withExtendedLifetime(value) {} }
    }

    /// Batches smaller than this are mapped on one thread: splitting costs more than it saves.
    static let parallelThreshold = 64

    /// The most elements a chunk of a ``map(_:_:)`` takes. A map ends when its last chunk does, and
    /// the cores that finished theirs wait meanwhile: with a few large chunks, a batch of 10 000
    /// signatures kept a core idle for up to 50 ms at its end.
    static let largestChunk = 128

    /// Transforms every element of a batch on the threads, in chunks spread over every core, and
    /// returns the results in the batch's order.
    ///
    /// Each chunk writes its results in place, where the returned array takes them without a copy:
    /// the task that awaits the map (which the other cores may wait for) only moves their bytes.
    static func map<Element: Sendable, Result: Sendable>(
        _ batch: [Element],
        _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        guard batch.count >= parallelThreshold, cores > 1 else { return await run { batch.map(transform) } }
        let chunkSize = min(largestChunk, (batch.count + cores * 4 - 1) / (cores * 4))
        let results = Results<Result>(count: batch.count)
        await withTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: batch.count, by: chunkSize) {
                let range = start..<min(start + chunkSize, batch.count)
                group.addTask { await run { results.fill(range) { transform(batch[$0]) } } }
            }
        }
        return results.take()
    }

    /// The results of a ``map(_:_:)``: uninitialized room for every element, which each chunk fills
    /// in its own range, then moved whole into an array.
    private final class Results<Value>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<Value>
        private let count: Int

        init(count: Int) {
            self.count = count
            base = .allocate(capacity: count)
        }

        deinit { base.deallocate() }

        /// Initializes the elements of `range`; no other chunk touches them.
        func fill(_ range: Range<Int>, _ value: (Int) -> Value) {
            for index in range { (base + index).initialize(to: value(index)) }
        }

        /// Every element, once every range is filled; the room is then uninitialized again.
        func take() -> [Value] {
            [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
                buffer.baseAddress!.moveInitialize(from: base, count: count)
                initialized = count
            }
        }
    }

    /// The cores, read once: Foundation reads the process's CPU quota from files at every ask.
    private static let cores = ProcessInfo.processInfo.activeProcessorCount

    private static let pool = Pool(threads: cores)

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
