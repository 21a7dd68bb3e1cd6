import ArtelTestKit
import Foundation
import Testing

/// A node on a disk that fills up: a small tmpfs mounted in a private mount namespace.
@Suite("A full disk", .serialized)
struct FullDiskTests {
    /// Runs a script with `$DISK` a fresh tmpfs of `size`, seen by this script alone.
    static func onSmallDisk(_ size: String, _ script: String) async throws -> ArtelProcess.Result {
        try await TestFiles.withTemporaryDirectory { directory in
            try ArtelProcess(data: "\(directory)/unused").shell(
                """
                DISK=\(directory)/disk; mkdir "$DISK"
                unshare -m sh -c 'mount -t tmpfs -o size=\(size) tmpfs "$0" || exit 99; DISK="$0"; \(script)' "$DISK"
                """
            )
        }
    }

    @Test(
        "init on a full disk says so and leaves no half-made node; once there is room it simply runs again",
        .enabled(if: getuid() == 0, "mounting a tmpfs needs root")
    )
    func initOnFullDisk() async throws {
        let result = try await Self.onSmallDisk(
            "300k",
            """
            "$ARTEL" init --data "$DISK/node" --name full; echo "new dir: $?"; ls -A "$DISK"
            mkdir "$DISK/empty"; "$ARTEL" init --data "$DISK/empty" --name full; echo "own dir: $?"
            echo "left: $(ls -A "$DISK/empty" | wc -l)"
            mount -o remount,size=4m "$DISK" && "$ARTEL" init --data "$DISK/empty" --name full >/dev/null \
            && "$ARTEL" status --data "$DISK/empty" | head -1
            """
        )
        try #require(result.status != 99, "cannot mount a tmpfs here: \(result.error)")
        #expect(result.output.contains("new dir: 1\nown dir: 1\nleft: 0\n"), "\(result.output)")
        #expect(result.output.contains("Artel node \"full\""), "\(result.output)\n\(result.error)")
        let errors = result.error.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 2, "\(result.error)")
        for error in errors {
            #expect(error.contains("the disk is full") && error.contains("nothing of it was left behind"), "\(error)")
        }
    }

    @Test(
        "serve on a full disk says the disk is full, and the replica is whole once there is room",
        .enabled(if: getuid() == 0, "mounting a tmpfs needs root")
    )
    func serveOnFullDisk() async throws {
        let result = try await Self.onSmallDisk(
            "4m",
            """
            export ARTEL_DATA="$DISK/node"; "$ARTEL" init --name full >/dev/null \
            && "$ARTEL" community create --name "Tech Leaders Moscow" --key-name tech-leaders >/dev/null || exit 98
            dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null
            "$ARTEL" serve --listen 127.0.0.1:0 --api none; echo "serve: $?"
            rm "$DISK/filler"; "$ARTEL" check && "$ARTEL" list communities
            """
        )
        try #require(result.status != 99 && result.status != 98, "\(result.error)")
        #expect(result.output.contains("serve: 1\n"), "\(result.output)")
        #expect(result.error.contains("the disk is full. Free space on it and run again"), "\(result.error)")
        #expect(result.output.contains("consistent") && result.output.contains("Tech Leaders Moscow"))
    }
}
