import ArgumentParser
import Foundation
import Testing

@testable import artel

/// The examples in every command's help, read as a newcomer reads them at 80 columns and checked
/// by the parser itself, so that no example is cut in the middle or names a flag that is gone.
@Suite("Help examples")
struct HelpExampleTests {
    /// Every command of the tree, as the words that name it (`[]` is `artel` itself).
    static let commands: [[String]] = paths(Artel.self, [])

    static func paths(_ command: any ParsableCommand.Type, _ path: [String]) -> [[String]] {
        [path]
            + command.configuration.subcommands.flatMap { sub in
                paths(sub, path + [sub.configuration.commandName ?? sub._commandName])
            }
    }

    static func type(of path: [String]) -> any ParsableCommand.Type {
        var command: any ParsableCommand.Type = Artel.self
        for name in path {
            command = command.configuration.subcommands.first {
                ($0.configuration.commandName ?? $0._commandName) == name
            }!
        }
        return command
    }

    /// The example lines of a help text: the indented lines after `Example:`, `Examples:` or
    /// `Start with:`, up to the next blank line.
    static func exampleLines(_ help: String) -> [String] {
        var lines: [String] = []
        var inExamples = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if ["Example:", "Examples:", "Start with:"].contains(line) {
                inExamples = true
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                inExamples = false
            } else if inExamples {
                lines.append(line)
            }
        }
        return lines
    }

    /// The commands of example lines: lines ending in `\` joined with the next.
    static func exampleCommands(_ lines: [String]) -> [String] {
        var commands: [String] = []
        var continuing = false
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            if continuing {
                commands[commands.count - 1] = String(commands[commands.count - 1].dropLast()) + " " + text
            } else {
                commands.append(text)
            }
            continuing = text.hasSuffix("\\")
        }
        return commands
    }

    /// Splits a command line as a shell does, for the quoting examples use.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current: String?
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current!.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                current = current ?? ""
            } else if character.isWhitespace || character == ">" || character == "|" {
                // A redirection or a pipe ends the command the parser sees.
                if character != " ", !character.isNewline { break }
                if let word = current { words.append(word) }
                current = nil
            } else {
                current = (current ?? "") + String(character)
            }
        }
        if let word = current { words.append(word) }
        return words
    }

    @Test("Every command's help has examples, and at 80 columns each line is a whole command or ends in \\")
    func examplesAreNeverWrapped() throws {
        for path in Self.commands {
            let help = Artel.helpMessage(for: Self.type(of: path), columns: 80)
            let lines = Self.exampleLines(help)
            if !path.isEmpty, Self.type(of: path).configuration.subcommands.isEmpty {
                #expect(!lines.isEmpty, "artel \(path.joined(separator: " ")) --help shows no example")
            }
            var continuing = false
            for line in lines {
                let text = line.trimmingCharacters(in: .whitespaces)
                #expect(line.count <= 80, "\(path): \(line)")
                #expect(
                    line.hasPrefix("  ") && (continuing || !text.hasPrefix("-")),
                    "artel \(path.joined(separator: " ")) --help: an example is wrapped at \"\(line)\""
                )
                continuing = text.hasSuffix("\\")
            }
            #expect(!continuing, "\(path): the last example line ends in \\")
        }
    }

    @Test("No command's prose shows a stray backslash: only example lines continue with one")
    func proseHasNoBackslash() {
        for path in Self.commands {
            let help = Artel.helpMessage(for: Self.type(of: path), columns: 80)
            let examples = Set(Self.exampleLines(help))
            for line in help.split(separator: "\n").map(String.init) where !examples.contains(line) {
                #expect(!line.hasSuffix("\\"), "artel \(path.joined(separator: " ")) --help: \"\(line)\"")
            }
        }
    }

    @Test("Every example in every command's help parses: each flag it uses exists and takes its value")
    func examplesParse() throws {
        var checked = 0
        for path in Self.commands {
            let help = Artel.helpMessage(for: Self.type(of: path), columns: 200)
            for command in Self.exampleCommands(Self.exampleLines(help)) {
                let words = Self.words(command)
                guard words.first == "artel" else { continue }
                do {
                    _ = try Artel.parseAsRoot(Array(words.dropFirst()))
                    checked += 1
                } catch {
                    Issue.record("artel \(path.joined(separator: " ")) --help: `\(command)` does not parse: \(error)")
                }
            }
        }
        #expect(checked > 80)
    }

    @Test("Every command takes --json, writes, serve and bench included")
    func everyCommandTakesJSON() throws {
        for path in Self.commands {
            let command = Self.type(of: path)
            guard command.configuration.subcommands.isEmpty else { continue }
            let help = Artel.helpMessage(for: command, columns: 200)
            #expect(help.contains("--json"), "artel \(path.joined(separator: " ")) has no --json")
        }
    }

    @Test("The version is one constant: --version and status give the one peers and HTTP clients see")
    func oneVersion() async throws {
        #expect(Artel.configuration.version == Artel.version)
        try await TestNode.with(community: false) { node in
            let printed = try node.expectSuccess("--version").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(printed == Artel.version)
            let status = try #require(try node.json("status") as? [String: Any])
            #expect(status["version"] as? String == Artel.version)
            #expect(try node.expectSuccess("status").contains("version   artel/\(Artel.version)"))
        }
    }
}
