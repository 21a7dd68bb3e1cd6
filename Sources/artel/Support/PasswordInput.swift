import ArtelCore
import ArtelStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a new password without it ever being an argument (which `ps` and shell histories show):
/// from a file, else a line of standard input, else, at a terminal, typed twice without echo.
enum PasswordInput {
    /// The password, checked for strength.
    ///
    /// - Parameter file: `--password-file`, whose first line is the password.
    /// - Throws: `ValidationError` when it is missing, weak, or typed differently twice.
    static func read(file: String?) throws -> String {
        let password: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError(.invalidInput, "cannot read the password file \(file)")
            }
            password = firstLine(String(decoding: data, as: UTF8.self))
        } else if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true) else {
                throw StoreError(
                    .invalidInput,
                    "no password on standard input: give one line, or use --password-file FILE"
                )
            }
            password = line
        } else {
            let first = try typed("Password: ")
            if PasswordHash.weakness(of: first) == nil, try typed("Again: ") != first {
                throw StoreError(.invalidInput, "the two passwords differ; nothing was changed")
            }
            password = first
        }
        if let weakness = PasswordHash.weakness(of: password) {
            throw StoreError(.invalidInput, "\(weakness); nothing was changed")
        }
        return password
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    /// A line typed at the terminal with its echo off, restored however the read ends.
    private static func typed(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw StoreError(.invalidInput, "no password was typed; nothing was changed")
        }
        return line
    }
}
