public import Foundation

/// The built `artel` binary, run as a user runs it.
public struct ArtelProcess: Sendable {
    /// What a finished run printed and returned.
    public struct Result: Sendable {
        /// The exit status.
        public let status: Int32
        /// Standard output.
        public let output: String
        /// Standard error.
        public let error: String
    }

    /// The data directory passed through `ARTEL_DATA`.
    public let data: String

    /// Runs `artel` against a data directory.
    public init(data: String) {
        self.data = data
    }

    /// The `artel` binary.
    public static let binary = path(of: "artel")

    /// A binary of this package: next to the test bundle, or in the repository's debug build.
    public static func path(of name: String) -> String {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = directory.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return TestFiles.path(".build/debug/\(name)")
    }

    /// Runs `artel` with arguments and waits for it.
    @discardableResult
    public func run(_ arguments: String...) throws -> Result {
        try run(arguments)
    }

    /// Runs `artel` with arguments and waits for it.
    @discardableResult
    public func run(_ arguments: [String]) throws -> Result {
        try Self.collect(start(arguments))
    }

    /// A configured, not yet started `artel` process.
    public func start(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ARTEL_DATA"] = data
        process.environment = environment
        return process
    }

    /// Runs a shell command line with `$ARTEL` set to the binary, for arguments Swift strings cannot hold.
    public func shell(_ script: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["ARTEL_DATA"] = data
        environment["ARTEL"] = Self.binary
        process.environment = environment
        return try Self.collect(process)
    }

    /// Runs a process to its end with nothing on its input, collecting what it prints.
    private static func collect(_ process: Process) throws -> Result {
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        ChildProcesses.adopt(process.processIdentifier)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        ChildProcesses.release(process.processIdentifier)
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }
}
