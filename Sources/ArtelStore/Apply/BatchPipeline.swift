/// Work in batches that are prepared on every core (deltas verified or signed) and then stored by
/// the writer, one transaction each: every batch is prepared while those before it are stored.
///
/// Preparing only the next batch left the cores idle whenever the writer took longer over the
/// batch before it, and the writer stored the last batch alone at the end. Here the batches are
/// prepared one after another, up to ``ahead`` of the one being stored, and the transactions grow
/// at the start and shrink at the end (``ranges(count:size:)``), so that the writer neither waits
/// long for its first batch nor stores much alone after the last is prepared.
enum BatchPipeline {
    /// How many prepared batches may wait for the writer: each holds a batch's deltas in memory.
    static let ahead = 2

    /// The smallest transaction: the first, and about the last.
    static let smallest = 500

    /// The transactions for `count` items in order, of at most `size` items. The first is
    /// ``smallest`` and each after it doubles, so that the writer starts while the rest is still
    /// being prepared instead of waiting for a whole batch; the last `size` items (or all, when
    /// there are fewer) are halved again and again down to ``smallest``, so that what the writer
    /// stores alone once everything is prepared is small.
    static func ranges(count: Int, size: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        func take(_ length: Int) {
            ranges.append(start..<start + length)
            start += length
        }
        var growing = smallest
        while growing < size, count - start - growing >= size {
            take(growing)
            growing *= 2
        }
        while count - start > size { take(min(size, count - start - size)) }
        while count - start > smallest { take((count - start + 1) / 2) }
        if start < count { take(count - start) }
        return ranges
    }

    /// Prepares each range in turn and stores it, in order, once it is prepared and those before it
    /// are stored. A batch's preparation starts when the one before it is prepared and at most
    /// ``ahead`` prepared batches wait for the writer.
    ///
    /// When preparing or storing throws, the batches being prepared are cancelled and awaited
    /// (a preparation already started finishes), and the error is rethrown: nothing is stored after it.
    static func run<Prepared: Sendable>(
        _ ranges: [Range<Int>],
        prepare: @escaping @Sendable (Range<Int>) async throws -> Prepared,
        store: (Prepared, Range<Int>) async throws -> Void
    ) async throws {
        var preparing: [Task<Prepared, any Error>?] = []
        /// Done when the last batch started has been prepared: the next starts after it, so
        /// that each has every core.
        var previous: Task<Void, Never>?
        func start(_ range: Range<Int>) {
            let after = previous
            let batch = Task {
                await after?.value
                try Task.checkCancellation()
                return try await prepare(range)
            }
            preparing.append(batch)
            previous = Task { _ = await batch.result }
        }
        do {
            for index in ranges.indices {
                while preparing.count < min(ranges.count, index + 1 + ahead) { start(ranges[preparing.count]) }
                let prepared = try await preparing[index]!.value
                // Let go of the task, which holds the batch too.
                preparing[index] = nil
                try await store(prepared, ranges[index])
                // Freeing a stored batch (every delta, record and string in it) takes milliseconds
                // that the writer would wait for here.
                BackgroundThreads.release(prepared)
            }
        } catch {
            let started = preparing.compactMap { $0 }
            for batch in started { batch.cancel() }
            for batch in started { _ = await batch.result }
            throw error
        }
    }
}
