import ArtelTestKit
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("artel serve")
struct ServeTests {
    @Test("It prints the node and what it holds, and SIGTERM stops it cleanly with status 0", .timeLimit(.minutes(2)))
    func serveAndStop() async throws {
        try await TestNode.with { node in
            let process = node.artel.start(["serve", "--api", "127.0.0.1:0"])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = Pipe()
            try process.run()
            ChildProcesses.adopt(process.processIdentifier)
            var seen = ""
            while !seen.contains("Press Ctrl-C") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            #expect(seen.contains("Artel node \"test-node\"") && seen.contains("1 communities"))
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            ChildProcesses.release(process.processIdentifier)
            seen += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0)
            #expect(seen.contains("Stopped; the replica is closed."))
            #expect(try node.run("check").status == 0)
        }
    }
}
