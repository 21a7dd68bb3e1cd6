import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

/// The part every `artel import` shares: store the items, show progress on a terminal (count, rate,
/// time left; nothing when standard error is not a terminal), sum up. Records are stored in
/// transactions of ``Replica/batchSize``: Ctrl-C or a crash leaves whole records, and importing the
/// same file again completes the rest.
enum ImportRun {
    /// Reads a file with a format's reader and imports what it gives into a community: the part
    /// every `artel import` command shares. A file the reader refuses, or a record the checks
    /// refuse, is refused whole, with the place at fault, and nothing is stored. A calendar's event
    /// the reader skips (``SkippedEvent``) is told, a line each, and the others are imported. When a record
    /// appears twice, its last appearance counts (``ImportReading/items``). With `dryRun`, prints
    /// what the import would do with each record (``Publisher/plannedOutcomes(_:community:now:)``,
    /// the site's dry run) and stores nothing.
    static func importFile(
        _ file: String,
        community name: String,
        signer: AuthorOption,
        global: GlobalOptions,
        noun: String,
        output: OutputOptions,
        dryRun: Bool = false,
        read: ([UInt8]) throws -> ImportReading
    ) async throws {
        let node = try global.openNode()
        let resolver = Resolver(node: node)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "cannot read \(file)")
        }
        let fileReading: ImportReading
        do {
            fileReading = try read([UInt8](data))
        } catch {
            throw StoreError(.invalidInput, "\(file), \(error); nothing was imported")
        }
        let community = try await resolver.community(name)
        let reading = try await fileReading.matchingStoredVacancies(in: node.replica, community: community)
        let items = reading.items
        let skipped = reading.entries.filter { $0.skip == .unreadableEvent }.flatMap(\.notes)
        if !output.json { for note in skipped { Console.line("\(file), \(note)") } }
        let gone = reading.entries.flatMap(\.noLongerInPost)
        if !output.json {
            for entry in reading.entries {
                for vacancy in entry.noLongerInPost {
                    Console.line(
                        "post \(entry.source): “\(vacancy.title)” is no longer in the post; its job stays "
                            + "(artel job delete \(vacancy.record.hex) removes it)"
                    )
                }
            }
        }
        do {
            guard !dryRun else {
                let publisher = try resolver.publisher(for: community, author: signer)
                let planned = try await publisher.plannedOutcomes(items, community: community, now: node.now)
                plan(
                    items,
                    planned,
                    skipped: skipped,
                    gone: gone,
                    noun: noun,
                    file: file,
                    community: community,
                    output: output
                )
                return
            }
            try await run(
                items,
                skipped: skipped,
                gone: gone,
                noun: noun,
                file: file,
                community: community,
                publisher: try resolver.publisher(for: community, author: signer),
                now: node.now,
                output: output
            )
        } catch let error as DeltaError {
            throw StoreError(.invalidInput, "\(file), \(error.message); nothing was imported")
        }
    }

    /// Imports items into a community and prints what became of them.
    ///
    /// - Parameters:
    ///   - skipped: the calendar's events the reader skipped, each with why.
    ///   - gone: the vacancies stored from a Telegram post that it no longer has.
    ///   - noun: what the items are, plural: `events`, `vacancies` (the count stands apart from it, so
    ///     that one item reads right too: "Imported vacancies from x.json: 1 in all, 1 new, …").
    static func run(
        _ items: [ImportItem],
        skipped: [LeftOutPart],
        gone: [ImportReading.StoredVacancy],
        noun: String,
        file: String,
        community: PublicKey,
        publisher: Publisher,
        now: UInt64,
        output: OutputOptions
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
            "Imported \(noun) from \(file): \(items.count) in all, \(counts[.created] ?? 0) new, "
            + "\(counts[.updated] ?? 0) updated, \(counts[.unchanged] ?? 0) unchanged"
        if let renewed = counts[.renewed] { summary += ", \(renewed) unchanged but renewed (a series still running)" }
        if let deleted = counts[.deleted] { summary += ", \(deleted) deleted here and left so" }
        if let edited = counts[.editedHere] { summary += ", \(edited) edited here since the last import and kept so" }
        summary += skippedClause(skipped)
        output.emit(
            summary + ".",
            json: json(counts, total: items.count, skipped: skipped, gone: gone, file: file, community: community)
        )
    }

    /// Prints a dry run: each item with what the import would do with its record, and the counts.
    static func plan(
        _ items: [ImportItem],
        _ planned: [RecordID: ImportOutcome],
        skipped: [LeftOutPart],
        gone: [ImportReading.StoredVacancy],
        noun: String,
        file: String,
        community: PublicKey,
        output: OutputOptions
    ) {
        var counts: [ImportOutcome: Int] = [:]
        for item in items { if let outcome = planned[item.record] { counts[outcome, default: 0] += 1 } }
        if !output.json {
            let words: [ImportOutcome: String] = [
                .created: "new", .updated: "updated", .unchanged: "unchanged", .renewed: "renewed",
                .deleted: "deleted here, left so", .editedHere: "edited here since the last import, kept so",
            ]
            for item in items {
                Console.line(
                    "\(item.label): \(item.title ?? "(untitled)"): \(planned[item.record].flatMap { words[$0] } ?? "new")"
                )
            }
        }
        guard
            case .object(var members) = json(
                counts,
                total: items.count,
                skipped: skipped,
                gone: gone,
                file: file,
                community: community
            )
        else { return }
        members.append(("stored", .bool(false)))
        output.emit(
            "Would import \(noun) from \(file): \(items.count) in all, \(counts[.created] ?? 0) new, "
                + "\(counts[.updated] ?? 0) updated, \(counts[.unchanged] ?? 0) unchanged, "
                + "\(counts[.renewed] ?? 0) renewed, \(counts[.deleted] ?? 0) deleted here, "
                + "\(counts[.editedHere] ?? 0) edited here"
                + skippedClause(skipped) + ". Nothing was stored (--dry-run).",
            json: .object(members)
        )
    }

    /// `; 2 events skipped (above)`, or nothing when none was.
    private static func skippedClause(_ skipped: [LeftOutPart]) -> String {
        skipped.isEmpty ? "" : "; \(skipped.count) \(skipped.count == 1 ? "event" : "events") skipped (above)"
    }

    /// The counts of an import: `{"file": …, "community": …, "total": 3, "created": 2, "updated": 1, …,
    /// "skipped_events": ["line 14: event “Созвон” has no DTSTART; skipped"], "no_longer_in_post": [the
    /// jobs of vacancies a Telegram post no longer has]}`.
    static func json(
        _ counts: [ImportOutcome: Int],
        total: Int,
        skipped: [LeftOutPart],
        gone: [ImportReading.StoredVacancy],
        file: String,
        community: PublicKey
    ) -> JSON {
        .object([
            ("file", .string(file)), ("community", .string(community.hex)), ("total", .number(Int64(total))),
            ("created", .number(Int64(counts[.created] ?? 0))), ("updated", .number(Int64(counts[.updated] ?? 0))),
            ("unchanged", .number(Int64(counts[.unchanged] ?? 0))), ("renewed", .number(Int64(counts[.renewed] ?? 0))),
            ("deleted", .number(Int64(counts[.deleted] ?? 0))),
            ("edited_here", .number(Int64(counts[.editedHere] ?? 0))),
            ("skipped_events", .array(skipped.map { .string($0.description) })),
            ("no_longer_in_post", .array(gone.map { .string($0.record.hex) })),
        ])
    }
}
