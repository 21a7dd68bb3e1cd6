import ArtelCore
import ArtelSync

/// An application message field by field, for the readable side of the session vectors. Fields a
/// type does not have are left out; ids are hex, kinds and codes are their names.
struct DecodedMessage: Codable, Equatable {
    struct Follow: Codable, Equatable {
        /// The community id, or `nil` for every community.
        let community: String?
        let kinds: [String]
    }

    let type: String
    var version: UInt16?
    var nodeName: String?
    var software: String?
    var follows: [Follow]?
    var versions: [UInt16]?
    var plane: String?
    var negentropy: String?
    var ids: [String]?
    /// The ids of the deltas a `deltas` or `push` carries.
    var deltas: [String]?
    var id: String?
    var code: String?
    var reason: String?
    var nonce: String?

    enum CodingKeys: String, CodingKey {
        case type, version, software, follows, versions, plane, negentropy, ids, deltas, id, code, reason, nonce
        case nodeName = "node_name"
    }

    init(_ message: Message) {
        switch message {
        case .hello(let hello):
            self.init(type: "hello")
            version = hello.version
            nodeName = hello.nodeName
            software = hello.software
            follows = hello.follows.entries.map {
                Follow(community: $0.community?.hex, kinds: $0.kinds.kinds.map(\.description))
            }
        case .versionUnsupported(let range):
            self.init(type: "version_unsupported")
            versions = [range.lowerBound, range.upperBound]
        case .reconcileOpen(let plane, let payload):
            self.init(type: "reconcile_open", plane: plane, negentropy: payload)
        case .reconcileMessage(let plane, let payload):
            self.init(type: "reconcile_message", plane: plane, negentropy: payload)
        case .reconcileClose(let plane):
            self.init(type: "reconcile_close", plane: plane)
        case .reconcileError(let plane, let code, let reason):
            self.init(type: "reconcile_error", plane: plane)
            self.code = code.description
            self.reason = reason
        case .want(let wanted):
            self.init(type: "want")
            ids = wanted.map(\.hex)
        case .missing(let gone):
            self.init(type: "missing")
            ids = gone.map(\.hex)
        case .deltas(let carried):
            self.init(type: "deltas")
            deltas = carried.map(Self.id)
        case .push(let bytes):
            self.init(type: "push")
            deltas = [Self.id(bytes)]
        case .refuse(let refused, let code, let reason):
            self.init(type: "refuse")
            id = refused?.hex
            self.code = code.name
            self.reason = reason
        case .ping(let value):
            self.init(type: "ping")
            nonce = String(value)
        case .pong(let value):
            self.init(type: "pong")
            nonce = String(value)
        case .goodbye(let code, let reason):
            self.init(type: "goodbye")
            self.code = code.description
            self.reason = reason
        }
    }

    /// A delta's id (BLAKE2b-256 of its unsigned part), whatever its signature.
    private static func id(_ bytes: [UInt8]) -> String {
        (try? SignedDelta.decode(bytes).id.hex) ?? "undecodable"
    }

    private init(type: String, plane: Plane? = nil, negentropy: [UInt8]? = nil) {
        self.type = type
        self.plane = plane?.description
        self.negentropy = negentropy.map { Hex.encode($0) }
    }
}
