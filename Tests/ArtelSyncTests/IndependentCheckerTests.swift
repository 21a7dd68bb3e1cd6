import ArtelTestKit
import Foundation
import Testing

/// The vector files are also checked by Python scripts written from `protocol/` alone, so that a
/// mistake shared by the Swift encoder and its own decoder still shows.
@Suite(
    "protocol/vectors checked from the specification alone",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs /usr/bin/python3")
)
struct IndependentCheckerTests {
    @Test(
        "check_session.py and check_vectors.py accept the vector files",
        arguments: [
            ["check_session.py", "session.json"], ["check_session.py", "session-rounds.json"], ["check_vectors.py"],
        ]
    )
    func checker(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments.map { TestFiles.path("protocol/vectors/\($0)") }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
