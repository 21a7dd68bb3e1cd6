import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@Suite("artel refuses bad input clearly and changes nothing", .serialized)
struct BadInputTests {
    @Test(
        "Usage errors exit 2 with a message that says what is wrong, and store nothing",
        arguments: [
            (
                ["job", "post", "--community", "tech-leaders", "--title", "x", "--work-mode", "sometimes"],
                "work_mode cannot be \"sometimes\""
            ),
            (["job", "post", "--community", "tech-leaders", "--title", "x", "--salary-min", "lots"], "--salary-min"),
            (
                ["job", "post", "--community", "tech-leaders", "--title", "x", "--apply-url", "ftp://x.org"],
                "apply_url uses the scheme \"ftp\""
            ),
            (
                ["job", "post", "--community", "tech-leaders", "--title", String(repeating: "я", count: 201)],
                "title is 201 characters long"
            ),
            (
                [
                    "job", "post", "--community", "tech-leaders", "--title", "x", "--salary-min", "9", "--salary-max",
                    "1",
                ], "salary_min (9) is greater than salary_max (1)"
            ),
            (["job", "post", "--community", "tech-leaders", "--employer", "Ozon"], "a new job needs --title"),
            (
                ["job", "post", "--community", "tech-leaders", "--title", "x", "--date-posted", "2026-13-45"],
                "--date-posted"
            ),
            (["job", "post", "--title", "x"], "--community"),
            (["community", "edit", "tech-leaders"], "nothing to change"),
            (
                [
                    "event", "post", "--community", "tech-leaders", "--title", "x", "--start", "2026-12-01",
                    "--timezone", "Mars/Olympus",
                ], "Mars/Olympus"
            ),
            (["list", "planets"], "planets"),
            (["list", "jobs", "--limit", "0"], "--limit"),
            (["list", "people", "--salary-min", "1"], "salary filter does not apply to person"),
            (["frobnicate"], "frobnicate"),
            (["job", "post", "--community", "tech-leaders", "--title", "x", "--no-such-flag"], "--no-such-flag"),
            (["init", "--name", String(repeating: "я", count: 101)], "--name must be 1 to 200 bytes"),
            (["peer", "add", "not an address", String(repeating: "ab", count: 32)], "is not host:port"),
            (["peer", "add", "peer.example.org:7400", "abc"], "a node key is 64 hex digits"),
            (["follow", "tech-leaders", "--kinds", "planet"], "planet"),
            (["sync", "now", "abcdef"], "no peer's key starts with abcdef"),
            (["serve", "--listen", "nowhere:port"], "--listen"),
        ]
    )
    func usageErrors(arguments: [String], message: String) async throws {
        try await TestNode.with { node in
            let before = try node.exported()
            let result = try node.artel.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.error)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
            #expect(try node.exported() == before)
        }
    }

    @Test("An argument that is not UTF-8 is a usage error")
    func invalidUTF8() async throws {
        try await TestNode.with { node in
            let result = try node.artel.shell(
                #""$ARTEL" job post --community tech-leaders --title "$(printf 'bad\377')""#
            )
            #expect(result.status == 2)
            #expect(result.error.contains("not valid UTF-8"))
            #expect((try node.json("list", "jobs") as? [Any])?.isEmpty == true)
        }
    }

    @Test("A missing data directory fails with the command that makes one")
    func missingDataDirectory() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let result = try ArtelProcess(data: "\(directory)/nowhere").run("list", "jobs")
            #expect(result.status == 1)
            #expect(result.error.contains("artel init"))
        }
    }

    @Test("A corrupt replica fails with what to do, and the file is left alone")
    func corruptReplica() async throws {
        try await TestNode.with { node in
            let path = "\(node.artel.data)/artel.sqlite"
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            let garbage = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try garbage.write(to: URL(fileURLWithPath: path))
            let result = try node.run("list", "jobs")
            #expect(result.status == 1)
            #expect(result.error.contains("not an SQLite database or is damaged"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        }
    }

    @Test(
        "An empty replica file is refused by every command that opens it, and stays empty",
        arguments: [
            ["status"], ["check"], ["list", "jobs"], ["follows"],
            ["serve", "--listen", "127.0.0.1:0", "--api", "none"],
        ]
    )
    func emptyReplica(arguments: [String]) async throws {
        try await TestNode.with { node in
            let path = "\(node.artel.data)/artel.sqlite"
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            try Data().write(to: URL(fileURLWithPath: path))
            let result = try node.artel.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.output)")
            #expect(result.error.contains("is empty, not an Artel replica"), "\(result.error)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        }
    }

    @Test("A key file others can read is refused with the chmod that fixes it")
    func keyPermissions() async throws {
        try await TestNode.with { node in
            let key = "\(node.artel.data)/keys/tech-leaders.key"
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
            let before = try node.exported()
            let result = try node.run("job", "post", "--community", "tech-leaders", "--title", "x")
            #expect(result.status == 1)
            #expect(result.error.contains("chmod 600 \(key)"))
            #expect(!result.error.contains("seed"))
            #expect(try node.exported() == before)
        }
    }

    @Test(
        "An API token others can read, or one too short, stops serve with what to do; the token is kept",
        arguments: [
            (0o644, "abcdef0123456789abcdef0123456789\n", "chmod 600"), (0o600, "", "openssl rand"),
            (0o600, "short\n", "at least 32"),
        ]
    )
    func badToken(mode: Int, contents: String, message: String) async throws {
        try await TestNode.with { node in
            let path = "\(node.artel.data)/api.token"
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            let result = try node.run("serve", "--listen", "127.0.0.1:0", "--api", "127.0.0.1:0")
            #expect(result.status == 1, "\(result.output)")
            #expect(result.error.contains(message), "\(result.error)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == contents)
        }
    }

    @Test("Bad deltas in a file are refused with their reason; the good ones are applied; the log says why")
    func badDeltaFile() async throws {
        try await TestNode.with(community: false) { node in
            let factory = DeltaFactory(now: UInt64(Date().timeIntervalSince1970 * 1000))
            let good = factory.job(1)
            var badSignature = factory.job(2).bytes
            badSignature[badSignature.count - 1] ^= 1
            let future = factory.job(3, offset: 3_600_000)
            let lastMonth = DeltaFactory(now: factory.now - 30 * 86_400_000)
            let expired = lastMonth.sign(
                lastMonth.delta(
                    .job,
                    record: DeltaFactory.recordID(4),
                    expiry: factory.now - 60_000,
                    [Fields.set(.job, "title", "old")]
                )
            )
            let lines = [
                "# one delta per line", Hex.encode(good.bytes), Hex.encode(badSignature), Hex.encode(future.bytes),
                Hex.encode(expired.bytes),
            ]
            let file = "\(node.directory)/mixed.hex"
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            try node.expectSuccess("follow", TestKeys.techLeaders.publicKey.hex)
            let result = try node.run("apply", file)
            #expect(result.status == 1)
            #expect(result.output.contains("1 accepted") && result.output.contains("3 refused"))
            #expect(result.output.contains("delta 2: refused, bad_signature"))
            #expect(result.output.contains("delta 3: refused, future_timestamp"))
            #expect(result.output.contains("delta 4: refused, expired"))
            let refusals = try #require(try node.json("refusals") as? [[String: Any]])
            #expect(
                Set(refusals.compactMap { $0["reason"] as? String }) == [
                    "bad_signature", "future_timestamp", "expired",
                ]
            )
            #expect(refusals.allSatisfy { ($0["source"] as? String)?.hasSuffix("mixed.hex") == true })
        }
    }

    @Test(
        "A damaged delta file is refused whole, before anything is applied",
        arguments: ["truncated stream", "not hex", "binary junk"]
    )
    func damagedFile(kind: String) async throws {
        try await TestNode.with { node in
            let factory = DeltaFactory(key: TestKeys.association, now: UInt64(Date().timeIntervalSince1970 * 1000))
            var stream = DeltaStream.encode([factory.job(1), factory.job(2)])
            let bytes: [UInt8] =
                switch kind {
                case "truncated stream":
                    Array(stream.dropLast(7))
                case "not hex":
                    Array("\(Hex.encode(factory.job(1).bytes))\nzz-not-hex\n".utf8)
                default:
                    {
                        stream[0] = 0xff
                        return stream
                    }()
                }
            let file = "\(node.directory)/damaged"
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let before = try node.exported()
            let result = try node.run("apply", file)
            #expect(result.status == 2, "\(result.error)")
            #expect(result.error.contains("nothing was applied"))
            #expect(try node.exported() == before)
        }
    }

    @Test("A second init is refused; --if-missing makes it a no-op")
    func secondInit() async throws {
        try await TestNode.with { node in
            let again = try node.run("init")
            #expect(again.status == 1 && again.error.contains("already holds a node"))
            try node.expectSuccess("init", "--if-missing")
        }
    }
}
