import ArgumentParser
import ArtelCore
import ArtelNode
import ArtelStore

#if canImport(Glibc)
import Glibc
#endif

/// Runs a command and maps every error to a message and an exit status:
/// 0 success, 1 failure, 2 usage error.
@main
enum Main {
    static func main() async {
        if let message = UsageChecks.invalidUTF8Argument() {
            Console.error("error: \(message)")
            exit(2)
        }
        do {
            var command = try Artel.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(report(error))
        }
    }

    /// Prints an error and returns the exit status it deserves.
    private static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as StoreError:
            Console.error("error: \(error)")
            return [.invalidInput, .ambiguous].contains(error.code) ? 2 : 1
        case let error as NodeFailure:
            Console.error("error: \(error)")
            return 1
        case let error as DeltaError:
            Console.error("error: \(error.message)")
            return 2
        default:
            let code = Artel.exitCode(for: error)
            let message = Artel.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            Console.error(message.hasPrefix("Error:") || message.hasPrefix("error:") ? message : "error: \(message)")
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
