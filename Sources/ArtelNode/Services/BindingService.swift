import NIOCore
public import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// A service that binds an address (the peer listener, the HTTP API), whose failure to bind is
/// told in words: which address, why, and the flag or setting that changes it.
public struct BindingService<Base: Service>: Service {
    let base: Base
    let address: String
    let purpose: String
    let setting: String

    /// Wraps a service.
    ///
    /// - Parameters:
    ///   - address: the `host:port` it binds.
    ///   - purpose: what it would do there, in words ("serve the HTTP API").
    ///   - setting: how to choose another address ("--api HOST:PORT, [api] listen or ARTEL_API").
    public init(_ base: Base, address: String, purpose: String, setting: String) {
        self.base = base
        self.address = address
        self.purpose = purpose
        self.setting = setting
    }

    public func run() async throws {
        do {
            try await base.run()
        } catch let error as IOError where [EADDRINUSE, EACCES, EADDRNOTAVAIL].contains(error.errnoCode) {
            let why =
                switch error.errnoCode {
                case EADDRINUSE: "it is already in use (another node, or another program, listens there)"
                case EACCES: "this user may not use it (ports below 1024 need privileges)"
                default: "it is not an address of this machine"
                }
            throw NodeFailure("cannot \(purpose) on \(address): \(why); choose another with \(setting)")
        }
    }
}

/// A failure of the running node, in words for its operator.
public struct NodeFailure: Error, CustomStringConvertible, Sendable {
    /// What failed and what to do.
    public let description: String

    /// Makes a failure.
    public init(_ description: String) {
        self.description = description
    }
}
