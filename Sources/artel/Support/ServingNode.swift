import Foundation

/// The `artel serve` process of a data directory, found through its pid file.
enum ServingNode {
    /// The pid of the node serving from a data directory, or `nil` when none does.
    static func pid(in directory: String) -> Int32? {
        guard let text = try? String(contentsOfFile: "\(directory)/serve.pid", encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            isServing(pid)
        else { return nil }
        return pid
    }

    /// Whether `pid` is an `artel serve` process: a pid file left by a killed node may name
    /// another process by now.
    static func isServing(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0, let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
            return false
        }
        let arguments = command.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return arguments.contains("serve") && arguments.first.map { $0.hasSuffix("artel") } == true
    }
}
