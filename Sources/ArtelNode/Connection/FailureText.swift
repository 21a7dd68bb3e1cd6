import Foundation
import NIOCore
import NIOPosix

/// A connection's failure in words, for logs and for the reasons peers read: never a type name, an
/// enum dump or an errno tuple (`Connection reset by peer`, not `IOError(… errno: 104)`).
enum FailureText {
    /// The words for an error.
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        case let error as ChannelError:
            return words(error)
        case let error as NIOConnectionError:
            return error.connectionErrors.first.map { "\($0.target): \(of($0.error))" } ?? "the address did not resolve"
        case let error as any CustomStringConvertible:
            return error.description
        default:
            return "an unexpected error"
        }
    }

    private static func words(_ error: ChannelError) -> String {
        switch error {
        case .ioOnClosedChannel, .alreadyClosed: "the connection was already closed"
        case .eof: "the peer closed the connection"
        case .connectTimeout(let timeout): "no answer within \(timeout.nanoseconds / 1_000_000_000) s"
        case .outputClosed: "this node had closed its side"
        case .inputClosed: "the peer had closed its side"
        default: "the connection failed"
        }
    }
}
