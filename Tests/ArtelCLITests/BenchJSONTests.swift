import ArtelTestKit
import Foundation
import Testing

/// `artel bench … --json`: one JSON object of the figures the text prints, for scripts that track
/// them from run to run.
@Suite("artel bench --json")
struct BenchJSONTests {
    /// Runs a benchmark with `--json`; its one JSON object.
    private func figures(_ node: TestNode, _ arguments: [String]) throws -> [String: Any] {
        let result = try node.artel.run(["bench"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test("stats, formats, telegram and apply print their figures as one object", .timeLimit(.minutes(5)))
    func localBenchmarks() async throws {
        try await TestNode.with(community: false) { node in
            let stats = try figures(node, ["stats", "--count", "1000", "--runs", "1"])
            #expect(stats["listings"] as? Int == 1000 && stats["vacancies"] as? Int == 900)
            #expect((stats["best_seconds"] as? Double).map { $0 > 0 } == true)

            let formats = try figures(node, ["formats", "--count", "1000"])
            #expect(formats["records"] as? Int == 1000)
            for key in ["read_hh", "import", "read_and_import", "import_again", "export_ics"] {
                let figure = try #require(formats[key] as? [String: Any], "no \(key)")
                #expect((figure["per_second"] as? Int).map { $0 > 0 } == true, "\(key)")
            }

            let telegram = try figures(node, ["telegram", "--count", "100"])
            #expect(telegram["posts"] as? Int == 100 && (telegram["vacancies"] as? Int).map { $0 > 0 } == true)

            let apply = try figures(node, ["apply", "--count", "1000"])
            #expect(apply["deltas"] as? Int == 1000)
            let limit = try #require(apply["verify_limit"] as? [String: Any])
            #expect(limit["limit_ratio"] as? Double == 1)
            #expect((apply["replica_ratio"] as? Double).map { $0 > 0 } == true)
            for key in ["apply", "apply_store_only"] {
                let figure = try #require(apply[key] as? [String: Any], "no \(key)")
                #expect((figure["cpu_microseconds_per_delta"] as? Double).map { $0 > 0 } == true, "\(key)")
            }
            #expect((apply["store_only_binding_ratio"] as? Double).map { $0 > 0 } == true)
        }
    }

    @Test("sync and api, with real serve processes, print their figures as one object", .timeLimit(.minutes(5)))
    func processBenchmarks() async throws {
        try await TestNode.with(community: false) { node in
            let sync = try figures(
                node,
                [
                    "sync", "--count", "200", "--reconcile-count", "200", "--differences", "2", "--chain", "2",
                    "--mesh", "2", "--samples", "2",
                ]
            )
            #expect((sync["initial_sync"] as? [String: Any])?["deltas"] as? Int == 200)
            #expect((sync["reconciliation"] as? [String: Any])?["differences"] as? Int == 2)
            #expect((sync["propagation_chain"] as? [String: Any])?["arrivals"] as? Int == 2)
            #expect((sync["propagation_mesh"] as? [String: Any])?["arrivals"] as? Int == 2)

            let api = try figures(node, ["api", "--count", "200", "--requests", "20", "--clients", "2"])
            let queries = try #require(api["queries"] as? [[String: Any]])
            #expect(queries.count == 15 && queries.allSatisfy { $0["p99_ms"] is Double })
            #expect(api["board_p99_syncing_ms"] is Double)
        }
    }
}
