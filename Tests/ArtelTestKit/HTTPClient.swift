import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a real TCP socket, for tests of the node's API: one request per
/// connection (`Connection: close`), and event streams read as they arrive.
public enum HTTPClient {
    /// A response.
    public struct Response: Sendable {
        /// The status code.
        public let status: Int
        /// The headers, names in lower case.
        public let headers: [String: String]
        /// The body, de-chunked.
        public let body: [UInt8]

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as JSON.
        public func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        }

        /// The body parsed as a JSON object.
        public func object() throws -> [String: Any] {
            guard let object = try json() as? [String: Any] else {
                throw Failure("the body is not a JSON object: \(text)")
            }
            return object
        }
    }

    /// A client-side failure: the server could not be reached or answered something that is not HTTP.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// How long the client waits for the server to say more, in seconds: an upper bound, generous
    /// because a node under test shares two cores with the whole suite.
    public static let patience: Double = 60

    /// Sends a request and reads the whole response.
    ///
    /// - Parameters:
    ///   - url: `http://127.0.0.1:PORT/path?query`.
    ///   - headers: sent as given; a `Host` among them replaces the one the URL gives.
    ///   - body: sent with `Content-Length`; give `Content-Type` in `headers`.
    public static func request(
        _ method: String,
        _ url: String,
        headers: [String: String] = [:],
        body: String? = nil
    ) throws -> Response {
        let socket = try connect(url, method: method, headers: headers, body: body)
        var received: [UInt8] = []
        while let chunk = try socket.read(timeout: patience) {
            received += chunk
        }
        return try parse(received)
    }

    /// An open event stream: the response's head, then the events as they come.
    public final class EventStream {
        /// The status code.
        public let status: Int
        /// The headers, names in lower case.
        public let headers: [String: String]
        private let socket: Socket
        private var buffer: [UInt8]
        private var chunked: Bool
        private var text = ""

        init(socket: Socket) throws {
            self.socket = socket
            var received: [UInt8] = []
            while true {
                if let end = HTTPClient.headEnd(received) {
                    let (status, headers) = try HTTPClient.head(Array(received[..<end]))
                    self.status = status
                    self.headers = headers
                    buffer = Array(received[(end + 4)...])
                    chunked = headers["transfer-encoding"]?.contains("chunked") == true
                    return
                }
                guard let chunk = try socket.read(timeout: HTTPClient.patience) else {
                    throw Failure("the stream closed before its head")
                }
                received += chunk
            }
        }

        /// One event: its id, its name and its data.
        public struct Event: Sendable {
            public let id: String?
            public let name: String?
            public let data: String

            /// The data parsed as a JSON object.
            public func object() throws -> [String: Any] {
                guard let object = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
                    throw Failure("the event's data is not a JSON object: \(data)")
                }
                return object
            }
        }

        /// Reads events until `count` have come (comments and `retry` lines are skipped), the stream
        /// ends, or `timeout` seconds pass.
        public func events(_ count: Int, timeout: Double = HTTPClient.patience) throws -> [Event] {
            var events: [Event] = []
            let deadline = Date().addingTimeInterval(timeout)
            while events.count < count {
                while let range = text.range(of: "\n\n") {
                    let block = String(text[..<range.lowerBound])
                    text.removeSubrange(..<range.upperBound)
                    var id: String?
                    var name: String?
                    var data: [String] = []
                    for line in block.split(separator: "\n") {
                        if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                        if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                    }
                    if !data.isEmpty { events.append(Event(id: id, name: name, data: data.joined(separator: "\n"))) }
                    if events.count == count { return events }
                }
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = try socket.read(timeout: left) else { return events }
                buffer += chunk
                decode()
            }
            return events
        }

        private func decode() {
            guard chunked else {
                text += String(decoding: buffer, as: UTF8.self)
                buffer = []
                return
            }
            while let line = HTTPClient.lineEnd(buffer, from: 0),
                let size = Int(String(decoding: buffer[..<line], as: UTF8.self), radix: 16),
                buffer.count >= line + 2 + size + 2
            {
                text += String(decoding: buffer[(line + 2)..<(line + 2 + size)], as: UTF8.self)
                buffer.removeFirst(line + 2 + size + 2)
            }
        }
    }

    /// Opens an event stream (`GET` with `Accept: text/event-stream`).
    public static func events(_ url: String, headers: [String: String] = [:]) throws -> EventStream {
        var headers = headers
        headers["Accept"] = "text/event-stream"
        return try EventStream(socket: connect(url, method: "GET", headers: headers, body: nil))
    }

    /// Sends a request's head announcing a body it never sends, and keeps the connection open
    /// until the returned socket is released: a slow client, for shutdown tests.
    public static func stall(_ url: String, headers: [String: String]) throws -> AnyObject {
        var headers = headers
        headers["Content-Length"] = "1000"
        return try connect(url, method: "POST", headers: headers, body: nil)
    }

    // MARK: The socket

    /// A connected TCP socket.
    final class Socket {
        let descriptor: Int32

        init(descriptor: Int32) { self.descriptor = descriptor }

        deinit { close(descriptor) }

        /// The next bytes, or `nil` at the end of the stream or after `timeout` seconds of silence.
        func read(timeout: Double) throws -> [UInt8]? {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(max(1, timeout * 1000))) > 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 65_536)
            let count = recv(descriptor, &bytes, bytes.count, 0)
            guard count > 0 else { return nil }
            return Array(bytes[..<count])
        }
    }

    private static func connect(
        _ url: String,
        method: String,
        headers: [String: String],
        body: String?
    ) throws
        -> Socket
    {
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port else {
            throw Failure("not a URL with a host and a port: \(url)")
        }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("no socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure("cannot connect to \(host):\(port)")
        }
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        // A Host among the headers replaces the one the URL gives, as a proxy in front would send it.
        let hostField = headers.keys.contains { $0.lowercased() == "host" } ? "" : "Host: \(host):\(port)\r\n"
        var head = "\(method) \(target.isEmpty ? "/" : target) HTTP/1.1\r\n\(hostField)Connection: close\r\n"
        let payload = Array((body ?? "").utf8)
        if body != nil { head += "Content-Length: \(payload.count)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let bytes = Array((head + "\r\n").utf8) + payload
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                close(descriptor)
                throw Failure("the connection closed while sending")
            }
            sent += count
        }
        return Socket(descriptor: descriptor)
    }

    // MARK: Parsing

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first {
            bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10
        }
    }

    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= start + 2 else { return nil }
        return (start...(bytes.count - 2)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 }
    }

    static func head(_ bytes: [UInt8]) throws -> (Int, [String: String]) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw Failure("not an HTTP response: \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces
            )
        }
        return (status, headers)
    }

    static func parse(_ received: [UInt8]) throws -> Response {
        guard let end = headEnd(received) else { throw Failure("no complete response head") }
        let (status, headers) = try head(Array(received[..<end]))
        var body = Array(received[(end + 4)...])
        if headers["transfer-encoding"]?.contains("chunked") == true {
            var decoded: [UInt8] = []
            var position = 0
            while let line = lineEnd(body, from: position),
                let size = Int(String(decoding: body[position..<line], as: UTF8.self), radix: 16), size > 0
            {
                decoded += body[(line + 2)..<min(body.count, line + 2 + size)]
                position = line + 2 + size + 2
            }
            body = decoded
        }
        return Response(status: status, headers: headers, body: body)
    }
}
