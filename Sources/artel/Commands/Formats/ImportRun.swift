import ArtelCore
import ArtelStore
import Foundation

/// The part every `artel import` shares: store the items, show progress on a terminal (count, rate,
/// time left; nothing when standard error is not a terminal), sum up. Records are stored in
/// transactions of ``Replica/batchSize``: Ctrl-C or a crash leaves whole records, and importing the
/// same file again completes the rest.
enum ImportRun {
    /// Imports items into a community and prints what became of them.
    ///
    /// - Parameters:
    ///   - noun: what the items are, plural: `events`, `vacancies`.
    static func run(
        _ items: [ImportItem],
        noun: String,
        file: String,
        community: PublicKey,
        publisher: Publisher,
        now: UInt64
    ) async throws {
        let started = Date()
        let showsProgress = isatty(STDERR_FILENO) == 1 && items.count > Replica.batchSize
        let counts = try await publisher.importRecords(items, community: community, now: now, source: "file \(file)") {
            done in
            guard showsProgress else { return }
            let elapsed = Date().timeIntervalSince(started)
            let rate = Double(done) / max(elapsed, 0.001)
            let left = Int((Double(items.count - done) / max(rate, 1)).rounded())
            Console.error("stored \(done)/\(items.count) records, \(Int(rate))/s, about \(left) s left")
        }
        var summary =
            "Imported \(items.count) \(noun) from \(file): \(counts[.created] ?? 0) new, "
            + "\(counts[.updated] ?? 0) updated, \(counts[.unchanged] ?? 0) unchanged"
        if let deleted = counts[.deleted] { summary += ", \(deleted) deleted here and left so" }
        print(summary + ".")
    }
}
