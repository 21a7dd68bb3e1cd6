import Testing

/// The README runner's matching of what a command printed against what the README shows.
@Suite("README transcripts match what commands print")
struct ConsoleTranscriptTests {
    @Test("An id in the README matches any id printed; a temporary directory's UUID is matched as written")
    func ids() {
        let bindings = ConsoleTranscript.Bindings()
        // A UUID's last part may hold eight upper-case hex letters in a row (`ABCEBEDA`): no id.
        let root = "/tmp/artel-test-FB6CAF43-D9C8-4480-B537-4D4ABCEBEDA4"
        #expect(
            ConsoleTranscript.matchLine(
                "Initialized in \(root)/tour",
                "Initialized in \(root)/tour",
                bindings: bindings
            ) != nil
        )
        let printed = "  node key   bf1ac06ec533a18b8efc689af4ef6b7f3692beca36ffb36e7d6004ff2dfe6f9b"
        let ids = ConsoleTranscript.matchLine(
            "  node key   11b5ca5aaba559e0f63f6f38243f20d4fc80e4d3a105fcbd10f913cf8e694a2e",
            printed,
            bindings: bindings
        )
        #expect(ids?.first?.1 == "bf1ac06ec533a18b8efc689af4ef6b7f3692beca36ffb36e7d6004ff2dfe6f9b")
        #expect(ConsoleTranscript.matchLine("node key 11b5ca5aaba5", "node key ZZZ", bindings: bindings) == nil)
    }
}
