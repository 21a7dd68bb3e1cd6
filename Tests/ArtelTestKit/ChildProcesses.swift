import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Ends the test process's children when the test process ends, however it ends.
///
/// Foundation starts every child in a process group of its own (`POSIX_SPAWN_SETPGROUP`), so a
/// Ctrl-C does not reach them, and `Process` cannot set `PR_SET_PDEATHSIG` (which would anyway
/// follow the spawning thread, not the process). Instead one watchdog shell, started with the first
/// child, reads `+PID` and `-PID` lines on its standard input: the children that run. When that
/// input ends, because the test process exited, crashed or was killed and the kernel closed its end
/// of the socket, the watchdog kills the process group of every child still listed. The test
/// process's end is close-on-exec, so no child holds it open.
public enum ChildProcesses: Sendable {
    /// The test process's end of the watchdog's input; -1 when the watchdog could not start.
    private static let watchdog: Int32 = startWatchdog()

    private static let script = """
        live=" "
        while read -r line; do
            case "$line" in
            +*) live="$live${line#+} " ;;
            -*) kept=" "; for pid in $live; do [ "$pid" = "${line#-}" ] || kept="$kept$pid "; done; live=$kept ;;
            esac
        done
        for pid in $live; do kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null; done
        """

    /// Has the child `pid` killed if the test process ends while it runs.
    public static func adopt(_ pid: Int32) {
        tell("+\(pid)")
    }

    /// Forgets a child that has exited (and been waited for).
    public static func release(_ pid: Int32) {
        tell("-\(pid)")
    }

    private static func tell(_ line: String) {
        guard watchdog >= 0 else { return }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { send(watchdog, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
    }

    private static func startWatchdog() -> Int32 {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            return -1
        }
        let input = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            close(ends[1])
            return -1
        }
        try? input.close()
        // Kept for the life of the test process: Foundation watches the watchdog through it.
        _ = Unmanaged.passRetained(process)
        return ends[1]
    }
}
