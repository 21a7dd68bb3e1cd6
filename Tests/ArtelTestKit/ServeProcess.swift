import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real `artel serve` process on a loopback port, its log appended to `serve.log` in its data
/// directory.
public final class ServeProcess: @unchecked Sendable {
    /// The node it serves.
    public let artel: ArtelProcess
    private let process: Process
    private let output = Pipe()
    /// The port it listens on.
    public let port: Int

    /// Starts `artel serve` and waits until it listens, on `port` or on a free one.
    public init(_ artel: ArtelProcess, port requested: Int = 0, arguments: [String] = []) throws {
        self.artel = artel
        process = artel.start(["serve", "--listen", "127.0.0.1:\(requested)", "--log-level", "debug"] + arguments)
        process.standardOutput = output
        process.standardError = try Self.appendingLog(in: artel.data)
        try process.run()
        var seen = ""
        while !seen.contains("Serving.") || !seen.contains("Listening for peers on") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServeFailed(output: seen) }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let line = seen.split(separator: "\n").first { $0.hasPrefix("Listening for peers on") }
        guard let port = line?.split(separator: ":").last.flatMap({ Int($0) }) else { throw ServeFailed(output: seen) }
        self.port = port
    }

    /// The address peers dial.
    public var address: String { "127.0.0.1:\(port)" }

    /// Its resident memory now and at its peak, in bytes, from `/proc/PID/status`.
    public var memory: (current: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        func kibibytes(_ field: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field) }
            return (line?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
        }
        return (kibibytes("VmRSS:"), kibibytes("VmHWM:"))
    }

    /// Stops it gracefully and waits; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills it at once, as a crash would.
    public func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Where a node's serve log is.
    public static func logPath(in data: String) -> String { "\(data)/serve.log" }

    private static func appendingLog(in data: String) throws -> FileHandle {
        let path = logPath(in: data)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ServeFailed(output: "cannot write \(path)") }
        handle.seekToEndOfFile()
        return handle
    }

    /// `artel serve` exited before it listened.
    public struct ServeFailed: Error, CustomStringConvertible {
        let output: String
        public var description: String { "artel serve did not start: \(output)" }
    }
}
