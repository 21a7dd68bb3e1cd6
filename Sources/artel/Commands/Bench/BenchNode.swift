import ArtelCore
import ArtelNode
import ArtelStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A node of a network benchmark: a data directory prepared in this process and served by a
/// child `artel serve` process, whose log is `serve.log` in the directory.
final class BenchNode {
    let name: String
    let directory: DataDirectory
    let key: PublicKey
    private var process: Process?
    /// The loopback port it listens on, once serving.
    private(set) var port = 0
    /// The loopback port of its HTTP API, once serving with one.
    private(set) var apiPort = 0

    /// Makes a node that follows every community, in `parent/name`.
    init(_ name: String, in parent: String) async throws {
        let (directory, entry, replica) = try DataDirectory.initialize(at: "\(parent)/\(name)", nodeName: name)
        _ = try await replica.follow(nil, kinds: .all)
        try replica.close()
        self.name = name
        self.directory = directory
        self.key = entry.publicKey
    }

    /// Runs `body` with the node's replica open in this process (the node may be serving).
    func withReplica<T>(_ body: (Replica) async throws -> T) async throws -> T {
        let replica = try Replica.open(at: directory.replicaPath)
        do {
            let result = try await body(replica)
            try replica.close()
            return result
        } catch {
            try? replica.close()
            throw error
        }
    }

    /// Makes this node dial `other`, which must be serving.
    func dial(_ other: BenchNode) async throws {
        try await withReplica { replica in
            try await replica.addPeer(other.key, address: "127.0.0.1:\(other.port)", now: Self.now)
        }
    }

    /// Starts `artel serve` on a free loopback port, and its HTTP API on another when `api`, and
    /// waits until it listens.
    func serve(api: Bool = false) throws {
        let log = "\(directory.path)/serve.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = [
            "serve", "--data", directory.path, "--listen", "127.0.0.1:0", "--api", api ? "127.0.0.1:0" : "none",
            "--log-level", "info",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        self.process = process
        var seen = ""
        while !seen.contains("Serving.") || !seen.contains("Listening for peers on")
            || (api && !seen.contains("HTTP API on"))
        {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw StoreError(.io, "\(name) did not start serving: \(seen)") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let line = seen.split(separator: "\n").first { $0.hasPrefix("Listening for peers on") }
        port = line.flatMap { $0.split(separator: ":").last }.flatMap { Int($0) } ?? 0
        let apiLine = seen.split(separator: "\n").first { $0.hasPrefix("HTTP API on http://") }
        apiPort = apiLine.flatMap { $0.split(separator: " ")[3].split(separator: ":").last }.flatMap { Int($0) } ?? 0
    }

    /// Stops the serving process gracefully.
    func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        self.process = nil
    }

    /// The serving process's peak resident memory so far, in bytes.
    var peakMemory: Int {
        guard let process,
            let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kibibytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return kibibytes * 1024
    }

    /// The CPU time the serving process has used so far, user and system, in seconds.
    var cpuSeconds: Double {
        guard let process,
            let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let afterName = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14, stime 15 (proc(5)).
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The log lines whose message is `message`.
    func logged(_ message: String) -> [Substring] {
        let log = (try? String(contentsOfFile: "\(directory.path)/serve.log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.hasSuffix("] \(message)") }
    }

    /// Waits until the log holds `count` lines of `message`, checking every 20 ms, at most `seconds`.
    func waitForLog(_ message: String, count: Int = 1, seconds: Double) async throws -> [Substring] {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let lines = logged(message)
            if lines.count >= count { return lines }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw StoreError(.io, "\(name) did not log \"\(message)\" \(count) times within \(Int(seconds)) s")
    }

    /// The wall clock in Unix milliseconds.
    static var now: UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// The `key=value` metadata of a log line, as numbers.
    static func figures(_ line: Substring) -> [String: Int] {
        var figures: [String: Int] = [:]
        for token in line.split(separator: " ") {
            let parts = token.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { figures[String(parts[0])] = value }
        }
        return figures
    }
}
