import ArtelCore
import ArtelSync

/// Runs a whole reconciliation between two in-memory sides and tallies what crossed the wire.
struct NegentropySession {
    /// The ids the client has and the server lacks.
    var have: [Bytes32] = []
    /// The ids the client needs from the server.
    var need: [Bytes32] = []
    /// Server replies, one per round trip.
    var roundTrips = 0
    /// Bytes the client sent.
    var clientBytes = 0
    /// Bytes the server sent.
    var serverBytes = 0
    /// The largest message either side sent.
    var largestMessage = 0

    /// Reconciles `client` against `server` until the client has nothing more to send.
    static func run(
        client clientStorage: NegentropyStorage,
        server serverStorage: NegentropyStorage,
        frameSizeLimit: Int = 0,
        maximumRoundTrips: Int = 1_000
    ) throws -> NegentropySession {
        var client = try Negentropy(storage: clientStorage, frameSizeLimit: frameSizeLimit)
        var server = try Negentropy(storage: serverStorage, frameSizeLimit: frameSizeLimit)
        var session = NegentropySession()
        var message: [UInt8]? = try client.initiate()
        while let query = message, session.roundTrips < maximumRoundTrips {
            session.record(client: query)
            let reply = try server.reconcile(query)
            session.record(server: reply)
            message = try client.reconcile(reply, have: &session.have, need: &session.need)
        }
        return session
    }

    private mutating func record(client message: [UInt8]) {
        clientBytes += message.count
        largestMessage = max(largestMessage, message.count)
    }

    private mutating func record(server message: [UInt8]) {
        serverBytes += message.count
        roundTrips += 1
        largestMessage = max(largestMessage, message.count)
    }
}
