import ArgumentParser

/// Checks of the raw command line that must happen before parsing.
enum UsageChecks {
    /// Refuses arguments that are not valid UTF-8: Swift would silently replace the bad bytes.
    ///
    /// - Returns: the message for the first bad argument, or `nil` when all are valid.
    static func invalidUTF8Argument() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let length = strlen(pointer)
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            if String(validating: bytes, as: UTF8.self) == nil {
                return "argument \(index) is not valid UTF-8; Artel reads text as UTF-8 only"
            }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#endif
