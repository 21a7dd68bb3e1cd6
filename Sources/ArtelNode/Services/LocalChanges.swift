import ArtelCore
import ArtelStore
public import ServiceLifecycle

/// Pushes deltas that other processes stored (the command line posting a job while the node
/// serves) to the connected peers, looking every ``NodeConfiguration/localChangesInterval``.
/// Deltas the sessions already pushed are skipped without reading their bytes.
public struct LocalChanges: Service {
    let context: NodeContext

    /// A watcher.
    public init(context: NodeContext) {
        self.context = context
    }

    public func run() async throws {
        var last = try await context.replica.changes(after: nil).last
        while !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .milliseconds(Int64(context.configuration.localChangesInterval)))
            }
            let (changes, seen) = try await context.replica.changes(after: last)
            last = seen
            let unpushed = await context.hub.unpushed(changes.map(\.id))
            guard !unpushed.isEmpty else { continue }
            let fresh = changes.filter { unpushed.contains($0.id) }
            let (found, missing) = try await context.replica.deltas(ids: fresh.map(\.id))
            let present = fresh.filter { !missing.contains($0.id) }
            await context.hub.broadcast(zip(present, found).map { ($0.id, $1, $0.scope) }, from: nil)
        }
    }
}
