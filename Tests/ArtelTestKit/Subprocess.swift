import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process spoken to through its standard input and output, by lines or by bytes.
public final class Subprocess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    /// Whether ``ChildProcesses`` was told that it exited.
    private var released = false

    /// Starts `executable` with arguments and extra environment variables. The child is killed
    /// when this object goes away, or when the test process ends (``ChildProcesses``).
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        ChildProcesses.adopt(process.processIdentifier)
    }

    /// A child its test did not wait for, because an expectation threw, is killed.
    deinit {
        closeInput()
        guard process.processIdentifier != 0 else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        _ = wait()
    }

    /// Writes a line.
    public func send(_ line: String) {
        write(Array((line + "\n").utf8))
    }

    /// Writes bytes.
    public func write(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    /// Closes the child's input.
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// The next line, or `nil` at the end of the output.
    public func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
    }

    /// Exactly `count` bytes, or `nil` when the output ends first.
    public func read(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer.prefix(count))
    }

    /// Everything left in the output.
    public func readToEnd() -> [UInt8] {
        buffer + [UInt8](output.fileHandleForReading.readDataToEndOfFile())
    }

    /// Waits for the child and returns its exit status.
    public func wait() -> Int32 {
        process.waitUntilExit()
        if !released { ChildProcesses.release(process.processIdentifier) }
        released = true
        return process.terminationStatus
    }
}
