import ArtelCore
import ArtelStore
import Logging
public import ServiceLifecycle

/// Pushes deltas that other processes stored (the command line posting a job while the node
/// serves), or this one outside a session (the site), to the connected peers, looking every
/// ``NodeConfiguration/localChangesInterval``. The rows sessions stored are skipped without
/// reading them (``Hub/rowsToRead(after:)``), and deltas the sessions already pushed without
/// reading their bytes.
public struct LocalChanges: Service {
    let context: NodeContext

    /// A watcher.
    public init(context: NodeContext) {
        self.context = context
    }

    public func run() async throws {
        var last = try await context.replica.changes(after: nil).last
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .milliseconds(Int64(context.configuration.localChangesInterval)))
            }
            do {
                last = try await pushChanges(after: last)
            } catch  where !Task.isCancelled {
                // A busy or failing replica must not stop the node; the next look tries again.
                context.logger.info("could not read local changes", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Pushes what was stored after `row` and not pushed yet; returns the last row seen.
    private func pushChanges(after row: Int64) async throws -> Int64 {
        let (after, before) = await context.hub.rowsToRead(after: row)
        let (changes, seen) = try await context.replica.changes(after: after, before: before)
        let unpushed = await context.hub.unpushed(changes.map(\.id))
        guard !unpushed.isEmpty else { return seen }
        let fresh = changes.filter { unpushed.contains($0.id) }
        let (found, missing) = try await context.replica.deltas(ids: fresh.map(\.id))
        let present = fresh.filter { !missing.contains($0.id) }
        await context.hub.broadcast(zip(present, found).map { ($0.id, $1, $0.scope) }, from: nil)
        return seen
    }
}
