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
    private let output: Pipe
    /// What ``waitForOutput(_:)`` read of standard output, still part of ``remainingOutput()``.
    private var printed = Data()
    /// Whether ``ChildProcesses`` was told that it exited.
    private var released = false
    /// The port it listens on for peers.
    public let port: Int
    /// The port of its HTTP API, on 127.0.0.1.
    public let apiPort: Int

    /// Starts `artel serve` and waits until it listens for peers, on `port` or on a free one, and
    /// for HTTP on a free port. It is killed when this object goes away, or when the test process
    /// ends, however it ends (``ChildProcesses``).
    public init(_ artel: ArtelProcess, port requested: Int = 0, arguments: [String] = []) throws {
        let process = artel.start(
            ["serve", "--listen", "127.0.0.1:\(requested)", "--api", "127.0.0.1:0", "--log-level", "debug"] + arguments
        )
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try Self.appendingLog(in: artel.data)
        try process.run()
        ChildProcesses.adopt(process.processIdentifier)
        let ports: (peers: Int, api: Int)
        do {
            ports = try Self.announcedPorts(output)
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            ChildProcesses.release(process.processIdentifier)
            throw error
        }
        self.artel = artel
        self.process = process
        self.output = output
        port = ports.peers
        apiPort = ports.api
    }

    /// A node that its test did not stop, because an expectation threw or the test forgot, is
    /// killed with its test.
    deinit {
        crash()
    }

    /// Reads standard output until the node serves; the ports it announced.
    private static func announcedPorts(_ output: Pipe) throws -> (peers: Int, api: Int) {
        var seen = ""
        let announcements = ["Serving.", "Listening for peers on", "HTTP API on"]
        while !announcements.allSatisfy(seen.contains) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServeFailed(output: seen) }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        func announcedPort(_ announcement: String) throws -> Int {
            let line = seen.split(separator: "\n").first { $0.hasPrefix(announcement) }
            let address = line?.split(separator: " ").first { $0.contains(":") && $0.last?.isNumber == true }
            guard let port = address?.split(separator: ":").last.flatMap({ Int($0) }) else {
                throw ServeFailed(output: seen)
            }
            return port
        }
        let peers = try announcedPort("Listening for peers on")
        let api = try announcedPort("HTTP API on")
        return (peers, api)
    }

    /// The HTTP API's base URL.
    public var api: String { "http://127.0.0.1:\(apiPort)" }

    /// The process id, for signals.
    public var pid: Int32 { process.processIdentifier }

    /// Waits until it exits; returns its exit status.
    public func waitUntilExit() -> Int32 {
        process.waitUntilExit()
        if !released { ChildProcesses.release(process.processIdentifier) }
        released = true
        return process.terminationStatus
    }

    /// Waits until it prints `text` on standard output after it started serving; `false` when it
    /// exits first. What this reads stays part of ``remainingOutput()``.
    public func waitForOutput(_ text: String) -> Bool {
        while !String(decoding: printed, as: UTF8.self).contains(text) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return false }
            printed += chunk
        }
        return true
    }

    /// Everything it printed on standard output after it started serving, once it has exited.
    public func remainingOutput() -> String {
        String(decoding: printed + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
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

    /// Stops it gracefully, unless it has exited, and waits; returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        return waitUntilExit()
    }

    /// Kills it at once, as a crash would, unless it has exited, and waits.
    public func crash() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = waitUntilExit()
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
