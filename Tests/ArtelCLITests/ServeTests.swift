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

    @Test("A second node on a taken address stops with the address, the reason and the setting to change")
    func addressTaken() async throws {
        try await TestNode.with { first in
            let serving = try ServeProcess(first.artel)
            defer { _ = serving.stop() }
            try await TestNode.with(community: false) { second in
                let api = try second.run(
                    "serve",
                    "--listen",
                    "127.0.0.1:0",
                    "--api",
                    "127.0.0.1:\(serving.apiPort)"
                )
                #expect(api.status == 1)
                #expect(
                    api.error.contains(
                        "cannot serve the HTTP API on 127.0.0.1:\(serving.apiPort): it is already in use"
                    )
                        && api.error.contains("--api HOST:PORT"),
                    "\(api.error)"
                )
                let peers = try second.run("serve", "--listen", "127.0.0.1:\(serving.port)", "--api", "none")
                #expect(peers.status == 1)
                #expect(
                    peers.error.contains("cannot listen for peers on 127.0.0.1:\(serving.port)")
                        && peers.error.contains("--listen HOST:PORT"),
                    "\(peers.error)"
                )
                #expect(!(api.error + peers.error).contains("CancellationError"))
            }
        }
    }
}
