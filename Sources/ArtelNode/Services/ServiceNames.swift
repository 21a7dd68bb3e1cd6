// Short names for the node's services: ServiceLifecycle logs each service by its description, and
// the default one dumps the whole node context into every line.

extension Announcement: CustomStringConvertible {
    public var description: String { "Announcement" }
}

extension Dialer: CustomStringConvertible {
    public var description: String { "Dialer" }
}

extension Listener: CustomStringConvertible {
    public var description: String { "Listener(\(address))" }
}

extension LocalChanges: CustomStringConvertible {
    public var description: String { "LocalChanges" }
}

extension PurgeService: CustomStringConvertible {
    public var description: String { "PurgeService" }
}

extension SyncRequests: CustomStringConvertible {
    public var description: String { "SyncRequests" }
}
