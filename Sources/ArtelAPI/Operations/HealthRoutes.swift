import ArtelCore
import ArtelNode
import ArtelStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import Prometheus

/// `/health` and `/metrics`: what an operator's monitoring reads. `/health` is public; `/metrics`
/// needs the token, since it tells what the replica holds whatever its visibility.
struct HealthRoutes {
    let context: APIContext

    func register(on router: Router<APIRequestContext>) {
        router.get("health") { _, _ in try await health() }
        router.get("metrics") { request, _ in
            try context.requireToken(request.headers[.authorization], for: "the metrics")
            return try await metrics()
        }
    }

    /// `GET /health`: 200 while serving, 503 once stopping; with the software's version (that of
    /// ``NodeConfiguration/software``, as `artel --version` prints it), the peers connected now and
    /// the last time a session caught up with a peer.
    private func health() async throws -> Response {
        let stopping = context.lifecycle.isStopping
        let peers = try await context.replica.peers()
        let lastSync = peers.compactMap(\.synced).max()
        let connected = await context.hub.connectedPeers
        return Responses.json(
            .object([
                ("status", .string(stopping ? "stopping" : "serving")),
                ("node", .string(try await context.replica.nodeName())),
                ("node_key", .string(context.hub.nodeKey.hex)),
                ("version", .string(Self.version)),
                ("peers_connected", .number(Int64(connected))),
                ("peers_known", .number(Int64(peers.count))),
                ("last_sync", lastSync.map { .string(ISODates.dateTime(Int64($0))) } ?? .null),
            ]),
            status: stopping ? .serviceUnavailable : .ok
        )
    }

    /// The version `/health` reports: ``NodeConfiguration/software`` without its `artel/`.
    static let version = String(NodeConfiguration.software.split(separator: "/").last ?? "")

    /// `GET /metrics`: the node's counters and timers, and what the replica holds now, in the
    /// Prometheus text format.
    private func metrics() async throws -> Response {
        let registry = context.registry
        let summary = try await context.replica.summary()
        let held = try await context.replica.heldCounts()
        let peers = await context.hub.connectedPeers
        func gauge(_ name: String, _ unit: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "artel", metricName: name, unitName: unit, helpText: help),
                labels: labels
            )
        }
        gauge("peers", "connected", "Peers with a session now").set(Int64(peers))
        gauge("quarantine", "deltas", "Deltas waiting in quarantine for a grant").set(Int64(held.waiting))
        gauge("held_refused", "deltas", "Held deltas refused for good").set(Int64(held.refused))
        gauge("stored", "deltas", "Deltas the replica keeps").set(Int64(summary.deltas))
        gauge("replica", "bytes", "Bytes of the replica's files on disk").set(Int64(replicaBytes()))
        for (kind, count) in summary.records {
            gauge("live", "records", "Live records by kind", [("kind", kind.name)]).set(Int64(count))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }

    /// The size of the replica's database and write-ahead log.
    private func replicaBytes() -> Int {
        let path = context.directory.replicaPath
        return [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }
}
