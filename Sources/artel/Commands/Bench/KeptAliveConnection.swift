import ArtelStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 connection to a loopback port, kept alive across requests, as a website's server
/// would keep one to its node: the benchmark's client. It reads bodies by `Content-Length`, which
/// the API sends for every answer but the change stream.
final class KeptAliveConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else {
            close(descriptor)
            throw StoreError(.io, "cannot connect to the API on port \(port)")
        }
    }

    deinit { close(descriptor) }

    /// Sends `GET path` and reads the whole answer.
    ///
    /// - Returns: the status code, and the node's own time for the answer in seconds, from its
    ///   `Server-Timing` header.
    func get(_ path: String) throws -> (status: Int, serverTime: Double?) {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw StoreError(.io, "the API closed the connection")
        }
        var headEnd: Int?
        while headEnd == nil {
            try fill()
            headEnd = buffer.indices.dropLast(3).first {
                buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10
            }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self).lowercased()
        let status = Int(head.split(separator: " ")[1]) ?? 0
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
        let serverTime =
            head.split(separator: "\r\n").first { $0.hasPrefix("server-timing: app;dur=") }
            .flatMap { Double($0.dropFirst(23).trimmingCharacters(in: .whitespaces)) }.map { $0 / 1_000 }
        let end = headEnd! + 4 + length
        while buffer.count < end { try fill() }
        buffer.removeFirst(end)
        return (status, serverTime)
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { throw StoreError(.io, "the API closed the connection") }
        buffer += chunk[..<count]
    }
}
