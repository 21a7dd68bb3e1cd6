import Foundation

/// The independent parsers in `.venv/` (`make test-tools`), run on files Artel exported.
public enum PythonTools: Sendable {
    /// Why a check could not run or refused a file.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with what to do about it.
        public let description: String
    }

    /// The venv's interpreter.
    public static let python = TestFiles.path(".venv/bin/python")

    /// Runs `Tests/tools/<script>` on a file and returns the JSON it prints.
    ///
    /// - Throws: ``Failure`` when the venv is missing (run `make test-tools`) or the parser refuses the file.
    public static func check(_ script: String, _ file: String) throws -> Any {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(
                description: "\(python) is missing: run `make test-tools` to install the parsers of "
                    + "Tests/tools/requirements.txt that check exports"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [TestFiles.path("Tests/tools/\(script)"), file]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) refused \(file): \(complaint)")
        }
        return try JSONSerialization.jsonObject(with: printed)
    }
}
