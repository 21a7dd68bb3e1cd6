import ArtelTestKit
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The README's console blocks, run as written, one after another in one shell, as a newcomer
/// would type them: the real `artel` on the PATH, a fresh home, `/tmp/` standing for a fresh
/// directory, and the ports the README names.
@Suite("The README runs as written", .serialized)
struct ReadmeTests {
    @Test("Every console block of the README runs and prints what the README shows", .timeLimit(.minutes(10)))
    func consoleBlocks() async throws {
        let readme = try String(contentsOfFile: TestFiles.path("README.md"), encoding: .utf8)
        let transcript = ConsoleTranscript(markdown: readme)
        #expect(transcript.steps.count > 30, "the README's console blocks were not found")
        try await TestFiles.withTemporaryDirectory { root in
            let shell = try ShellSession(root: root)
            defer { shell.end() }
            var bindings = ConsoleTranscript.Bindings()
            for (index, step) in transcript.steps.enumerated() {
                let command = bindings.apply(to: step.command).replacingOccurrences(of: "/tmp/", with: "\(root)/")
                let expected = step.expected.map { $0.replacingOccurrences(of: "/tmp/", with: "\(root)/") }
                if step.isBackground {
                    let log = "\(root)/background-\(index).log"
                    try shell.start(String(command.dropLast()), log: log)
                    let printed = try await shell.await(expected, in: log, bindings: &bindings)
                    let written = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    try #require(
                        printed,
                        "`\(step.command)` never printed:\n\(step.expected.joined(separator: "\n"))\nits output:\n\(written)"
                    )
                    continue
                }
                let (status, output) = try shell.run(command, naming: step.command)
                if expected.isEmpty {
                    #expect(status == 0, "`\(step.command)` failed: \(output.joined(separator: "\n"))")
                    continue
                }
                let matched = ConsoleTranscript.match(expected, output, bindings: &bindings)
                try #require(
                    matched,
                    """
                    `\(step.command)`
                    README shows:
                    \(step.expected.joined(separator: "\n"))
                    it printed (exit \(status)):
                    \(output.joined(separator: "\n"))
                    """
                )
            }
        }
    }
}

/// One `bash` that runs commands in turn and reports each one's output and status; background
/// commands write to their own logs. Its process group, background commands included, is killed
/// when it ends, and by the watchdog if the test process dies first.
final class ShellSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered: [UInt8] = []
    private static let marker = "@@@artel-readme-status"

    init(root: String) throws {
        let home = "\(root)/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let bin = URL(fileURLWithPath: ArtelProcess.binary).deletingLastPathComponent().path
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = [
            "HOME": home, "PATH": "\(bin):/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        ChildProcesses.adopt(process.processIdentifier)
    }

    /// Runs a command in the shell; returns its status and the lines it printed.
    func run(_ command: String, naming name: String? = nil) throws -> (Int32, [String]) {
        try send("\(command)\nprintf '\\n\(Self.marker) %d\\n' $?\n")
        var lines: [String] = []
        while true {
            guard let line = try readLine() else {
                throw ShellFailure(
                    description:
                        "`\(name ?? command)` printed nothing for two minutes:\n\(lines.joined(separator: "\n"))"
                )
            }
            if line.hasPrefix(Self.marker) {
                if lines.last == "" { lines.removeLast() }
                return (Int32(line.dropFirst(Self.marker.count + 1)) ?? -1, lines)
            }
            lines.append(line)
        }
    }

    /// Starts a command in the background, its output in `log`.
    func start(_ command: String, log: String) throws {
        _ = try run("\(command) >\(log) 2>&1 &")
    }

    /// Waits until the log shows the expected lines (in order, others between them allowed).
    func await(_ expected: [String], in log: String, bindings: inout ConsoleTranscript.Bindings) async throws -> Bool {
        let wanted = expected.filter { $0.trimmingCharacters(in: .whitespaces) != "…" }
        var found = false
        var bound = bindings
        _ = try await eventually(120, every: .milliseconds(100)) {
            let printed = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            var lines = printed.split(separator: "\n").map(String.init)[...]
            var attempt = bindings
            for line in wanted {
                guard let index = lines.firstIndex(where: { ConsoleTranscript.match([line], [$0], bindings: &attempt) })
                else { return false }
                lines = lines[(index + 1)...]
            }
            found = true
            bound = attempt
            return true
        }
        bindings = bound
        return found
    }

    /// Ends the shell and every command it started.
    func end() {
        kill(-process.processIdentifier, SIGKILL)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        ChildProcesses.release(process.processIdentifier)
    }

    private func send(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// The next line the shell prints; nil after two minutes of silence.
    private func readLine() throws -> String? {
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 120_000) > 0 else { return nil }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ShellFailure(description: "the shell ended") }
            buffered += chunk
        }
    }
}

struct ShellFailure: Error, CustomStringConvertible {
    let description: String
}
