import ArtelCore
import ArtelSync
import Foundation
import Testing

@Suite("Negentropy at scale")
struct NegentropyBenchmarkTests {
    /// Set NEGENTROPY_BENCHMARK=1 (and build with `-c release`) to run.
    private static let enabled = ProcessInfo.processInfo.environment["NEGENTROPY_BENCHMARK"] != nil

    @Test("A million items a side with 20 differences", .enabled(if: enabled))
    func millionItems() throws {
        let size = 1_000_000
        var random = SplitMix64(seed: 1)
        func item() -> NegentropyItem {
            NegentropyItem(timestamp: 1_700_000_000_000 + random.next() % 100_000_000, id: random.nextBytes32())
        }
        let common = (0..<size - 10).map { _ in item() }
        let clientOnly = (0..<10).map { _ in item() }
        let serverOnly = (0..<10).map { _ in item() }

        let clock = ContinuousClock()
        var client: NegentropyStorage?
        var server: NegentropyStorage?
        let sealing = clock.measure {
            client = NegentropyStorage(common + clientOnly)
            server = NegentropyStorage(common + serverOnly)
        }
        var session: NegentropySession?
        let reconciling = try clock.measure {
            session = try NegentropySession.run(client: #require(client), server: #require(server))
        }
        let result = try #require(session)
        print(
            """
            negentropy 1M vs 1M, 20 differences: sealing both storages \(sealing), reconciling \(reconciling), \
            \(result.roundTrips) round trips, client sent \(result.clientBytes) bytes, server sent \(result.serverBytes) bytes
            """
        )
        #expect(Set(result.have) == Set(clientOnly.map(\.id)))
        #expect(Set(result.need) == Set(serverOnly.map(\.id)))
    }
}
