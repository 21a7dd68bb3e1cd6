import ArtelTestKit
import Foundation
import Testing

/// `make demo`'s script, run once as CI would (`--once`): three nodes that converge, and on each an
/// editor, a moderator and an operator who sign in from the site, with the passwords it prints.
@Suite("Demo federation", .timeLimit(.minutes(5)))
struct DemoFederationTests {
    @Test("The demo federation converges, and each of its accounts signs in and lands on its own home")
    func runsOnce() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            var result: ArtelProcess.Result?
            var api = 0
            // Below the ephemeral ports; the script refuses ports that are taken before it starts
            // anything: try others then.
            for attempt in 0..<5 {
                let peer = Int.random(in: 20_000..<26_000)
                api = peer + 6_000
                result = try ArtelProcess(data: "\(directory)/unused").shell(
                    "ARTEL_BIN=\"$ARTEL\" ARTEL_DEMO_PEER_PORT=\(peer) ARTEL_DEMO_API_PORT=\(api) "
                        + "'\(TestFiles.path("examples/federation/run.sh"))' --once '\(directory)/demo\(attempt)'"
                )
                if result?.error.contains("is taken") != true { break }
            }
            let run = try #require(result)
            #expect(run.status == 0, "\(run.output)\n\(run.error)")
            #expect(
                run.output.contains(
                    "on each site, editor, moderator and operator sign in and land on /editor, /moderation, /operator"
                ),
                "\(run.output)"
            )
            for port in api..<api + 3 {
                #expect(run.output.contains("sign in       http://127.0.0.1:\(port)/signin"), "\(port)")
            }
            for role in ["editor", "moderator", "operator"] {
                let printed = "\n    \(role) +demo-\(role)-[0-9a-f]{12}  → /"
                #expect(run.output.range(of: printed, options: .regularExpression) != nil, "\(role)'s password")
            }
            #expect(run.output.contains("All three nodes stopped cleanly."))
        }
    }
}
