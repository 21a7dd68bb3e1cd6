import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

struct ApplyDeltas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply signed deltas from a file, with the same checks as deltas from peers.",
        discussion: """
            The file is a delta stream (as written by `artel export`) or one delta per line in hex. \
            Only deltas of communities and kinds this node follows are kept (artel follow); the \
            others are refused as not_followed. Deltas are verified on every core and applied in \
            transactions of 10000: a crash leaves \
            whole batches applied, and running the same command again completes the rest. Refused \
            deltas are listed with their reason and kept in the refusal log (`artel refused`). \
            A delta by an author whose grant has not arrived waits in quarantine (`artel \
            quarantine`) and is applied when the grant comes. Exit status 1 when any delta was refused.

            Example:
              artel apply partner-jobs.deltas
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The delta file.")
    var file: String

    @Flag(help: "Print no progress.")
    var quiet = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let node = try global.openNode()
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "cannot read \(file)")
        }
        let bytes = [UInt8](data)
        let deltas: [[UInt8]]
        do {
            if DeltaStream.isStream(bytes) {
                deltas = try DeltaStream.split(bytes)
            } else if let text = String(validating: bytes, as: UTF8.self) {
                deltas = try DeltaStream.splitHexLines(text)
            } else {
                throw StoreError(.invalidInput, "\(file) is neither a delta stream nor hex text; nothing was applied")
            }
        } catch let error as DeltaError {
            throw StoreError(.invalidInput, "\(file): \(error.message); nothing was applied")
        }
        let started = Date()
        let follows = try await node.replica.follows()
        let report = try await node.replica.apply(deltas, now: node.now, source: "file \(file)", follows: follows) {
            done,
            report in
            guard !quiet, deltas.count > Replica.batchSize else { return }
            let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
            Console.error("applied \(done)/\(deltas.count) deltas (\(report.accepted.count) accepted, \(Int(rate))/s)")
        }
        if output.json {
            print(Self.json(report, total: deltas.count).rendered)
            if !report.refusals.isEmpty { throw ExitCode.failure }
            return
        }
        print(Self.summary(report, total: deltas.count))
        for (index, outcome) in report.outcomes.enumerated() {
            switch outcome {
            case .refused(let refusal): print("  delta \(index + 1): refused, \(refusal.error)")
            case .quarantined(_, let why): print("  delta \(index + 1): waiting in quarantine, \(why)")
            default: continue
            }
        }
        for withdrawal in report.withdrawn {
            print("  delta \(withdrawal.id?.hex.prefix(16) ?? "?")…: withdrawn, \(withdrawal.error)")
        }
        if !report.refusals.isEmpty { throw ExitCode.failure }
    }

    /// The counts of `summary`, and each refused or waiting delta by its place in the file (from 1).
    static func json(_ report: ApplyReport, total: Int) -> JSON {
        var problems: [JSON] = []
        for (index, outcome) in report.outcomes.enumerated() {
            switch outcome {
            case .refused(let refusal):
                problems.append(
                    .object([
                        ("delta", .number(Int64(index + 1))), ("outcome", .string("refused")),
                        ("reason", .string(refusal.error.code.name)), ("message", .string(refusal.error.message)),
                    ])
                )
            case .quarantined(_, let why):
                problems.append(
                    .object([
                        ("delta", .number(Int64(index + 1))), ("outcome", .string("quarantined")),
                        ("message", .string(why)),
                    ])
                )
            default: continue
            }
        }
        let counts: [(String, Int)] = [
            ("total", total), ("accepted", report.accepted.count), ("already_kept", report.duplicates),
            ("superseded", report.superseded), ("refused", report.refusals.count), ("pruned", report.pruned),
            ("quarantined", report.quarantined), ("released", report.released.count),
            ("withdrawn", report.withdrawn.count),
        ]
        return .object(counts.map { ($0.0, JSON.number(Int64($0.1))) } + [("deltas", .array(problems))])
    }

    static func summary(_ report: ApplyReport, total: Int) -> String {
        var summary =
            "Applied \(total) deltas: \(report.accepted.count) accepted, \(report.duplicates) already kept, "
            + "\(report.superseded) superseded, \(report.refusals.count) refused; \(report.pruned) older deltas pruned."
        if report.quarantined > 0 { summary += "\n\(report.quarantined) wait in quarantine for their grants." }
        if !report.released.isEmpty { summary += "\n\(report.released.count) held deltas were released by new grants." }
        if !report.withdrawn.isEmpty {
            summary += "\n\(report.withdrawn.count) stored deltas were withdrawn by revocations."
        }
        return summary
    }
}
