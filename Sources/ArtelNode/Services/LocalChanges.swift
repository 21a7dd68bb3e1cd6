import ArtelCore
import ArtelStore
public import ServiceLifecycle

/// Pushes deltas that other processes stored (the command line posting a job while the node
/// serves) to the connected peers. Deltas the sessions already pushed are skipped by the hub.
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
            if !changes.isEmpty {
                await context.hub.broadcast(changes.map { ($0.id, $0.bytes, $0.scope) }, from: nil)
            }
        }
    }
}
