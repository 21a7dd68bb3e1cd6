import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("A killed artel leaves a consistent replica", .serialized)
struct CrashTests {
    @Test(
        "kill -9 in the middle of a large apply: whole batches or nothing, check passes, applying again completes it",
        .timeLimit(.minutes(5))
    )
    func killDuringApply() async throws {
        try await TestNode.with(community: false) { node in
            let factory = DeltaFactory(
                key: TestKeys.association,
                now: UInt64(Date().timeIntervalSince1970 * 1000) - 60_000
            )
            let count = 40_000
            let deltas = (0..<count).map { factory.job(UInt64($0), offset: UInt64($0)) }
            let file = "\(node.directory)/large.deltas"
            try Data(DeltaStream.encode(deltas)).write(to: URL(fileURLWithPath: file))
            try node.expectSuccess("follow", TestKeys.association.publicKey.hex)

            let process = node.artel.start(["apply", file])
            let progress = Pipe()
            process.standardError = progress
            process.standardOutput = Pipe()
            try process.run()
            ChildProcesses.adopt(process.processIdentifier)
            // Kill as soon as the first batch reports: the next one is being verified or written.
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("applied ") {
                let chunk = progress.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += chunk
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            ChildProcesses.release(process.processIdentifier)
            #expect(process.terminationReason == .uncaughtSignal, "the apply finished before it could be killed")

            let check = try node.run("check")
            #expect(check.status == 0, "\(check.output)\(check.error)")
            let status = try #require(try node.json("status") as? [String: Any])
            let stored = try #require(status["deltas"] as? Int)
            // Transactions doubling from 500, then of 10 000, then the last 10 000 in halves (`BatchPipeline`).
            let boundaries = [500, 1_500, 3_500, 7_500, 15_500, 25_500, 30_000, 35_000, 37_500, 38_750, 39_375, 39_688]
            #expect(boundaries.contains(stored), "stored \(stored)")

            let again = try node.run("apply", "--quiet", file)
            #expect(again.status == 0 && again.output.contains("\(stored) already kept"), "\(again.output)")
            #expect((try node.json("status") as? [String: Any])?["deltas"] as? Int == count)
            #expect(try node.run("check").status == 0)
        }
    }
}
