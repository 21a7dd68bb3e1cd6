import Foundation

/// The `console` blocks of a Markdown document, read as a terminal transcript: `$ ` starts a
/// command (a line ending in `\`, or inside single quotes, continues it), the lines after it are
/// what it prints.
///
/// What the printed lines promise, as a reader takes them:
/// - a line `…` stands for any number of lines, and `…` inside a line for any text;
/// - ids and keys (runs of 8 or more hex digits with a letter among them) stand for the ones this
///   run prints; a later command that names one, or its prefix, names this run's instead;
/// - other numbers (dates, times, sizes) stand for any number, and runs of spaces for any spacing;
/// - blank lines, written or printed, are only spacing;
/// - a command ending in `&` runs in the background, and the lines under it are awaited in its output.
struct ConsoleTranscript {
    struct Step {
        var command: String
        var expected: [String]
        var isBackground: Bool { command.hasSuffix("&") }
    }

    let steps: [Step]

    init(markdown: String) {
        var steps: [Step] = []
        var inBlock = false
        var continuing = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```console"
                continue
            }
            guard inBlock else { continue }
            if continuing, var step = steps.popLast() {
                step.command += "\n" + line
                steps.append(step)
                continuing = Self.continues(step.command)
            } else if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), expected: []))
                continuing = Self.continues(steps[steps.count - 1].command)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty, var step = steps.popLast() {
                step.expected.append(line)
                steps.append(step)
            }
        }
        self.steps = steps
    }

    /// Whether a command goes on on the next line: it ends in `\`, or a single quote is still open.
    static func continues(_ command: String) -> Bool {
        var quoted = false
        for line in command.split(separator: "\n") {
            var previous: Character = " "
            for character in line {
                if character == "'" { quoted.toggle() }
                if character == "#", !quoted, previous.isWhitespace { break }  // a comment, where quotes do not count
                previous = character
            }
        }
        return quoted || command.hasSuffix("\\")
    }

    /// The ids a transcript printed, bound to those of this run.
    struct Bindings {
        private(set) var ids: [String: String] = [:]

        /// The command with every id it names replaced by this run's.
        func apply(to command: String) -> String {
            var result = ""
            for token in Self.tokens(command) {
                if Self.isID(token), let actual = ids.first(where: { $0.key.hasPrefix(token) })?.value {
                    result += actual.prefix(token.count)
                } else {
                    result += token
                }
            }
            return result
        }

        mutating func bind(_ written: String, to actual: String) { ids[written] = actual }

        /// Splits text into hex runs and everything else, keeping every character.
        static func tokens(_ text: String) -> [String] {
            var tokens: [String] = []
            var current = ""
            var isHex = false
            for character in text {
                let hex = character.isHexDigit && (character.isNumber || character.isLowercase)
                if hex != isHex, !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                isHex = hex
                current.append(character)
            }
            if !current.isEmpty { tokens.append(current) }
            return tokens
        }

        /// Whether a token is an id: eight or more lowercase hex digits, a letter among them. Not
        /// upper case: a temporary directory's UUID may hold `ABCEBEDA`, which is no id.
        static func isID(_ token: String) -> Bool {
            token.count >= 8 && token.allSatisfy { $0.isHexDigit && ($0.isNumber || $0.isLowercase) }
                && token.contains(where: \.isLetter)
        }
    }

    /// Whether the printed lines keep the transcript's promise; binds the ids they print.
    static func match(_ expected: [String], _ actual: [String], bindings: inout Bindings) -> Bool {
        var found: [(String, String)] = []
        let printed = actual.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard match(expected[...], printed[...], bindings: bindings, found: &found) else { return false }
        for (written, printed) in found { bindings.bind(written, to: printed) }
        return true
    }

    private static func match(
        _ expected: ArraySlice<String>,
        _ actual: ArraySlice<String>,
        bindings: Bindings,
        found: inout [(String, String)]
    ) -> Bool {
        guard let line = expected.first else { return actual.isEmpty }
        if line.trimmingCharacters(in: .whitespaces) == "…" {
            for skip in 0...actual.count {
                var attempt = found
                if match(expected.dropFirst(), actual.dropFirst(skip), bindings: bindings, found: &attempt) {
                    found = attempt
                    return true
                }
            }
            return false
        }
        guard let printed = actual.first, let ids = matchLine(line, printed, bindings: bindings) else { return false }
        found += ids
        return match(expected.dropFirst(), actual.dropFirst(), bindings: bindings, found: &found)
    }

    /// The ids a printed line binds, or nil when it does not match the written one.
    static func matchLine(_ written: String, _ printed: String, bindings: Bindings) -> [(String, String)]? {
        var pattern = "^"
        var ids: [String] = []
        var spaces = 0
        func flushSpaces() {
            if spaces > 1 { pattern += " +" } else if spaces == 1 { pattern += " " }
            spaces = 0
        }
        for token in Bindings.tokens(written) {
            if Bindings.isID(token) {
                flushSpaces()
                ids.append(token)
                let known = bindings.ids.first { $0.key.hasPrefix(token) }?.value
                pattern +=
                    known.map { "(" + NSRegularExpression.escapedPattern(for: String($0.prefix(token.count))) + ")" }
                    ?? "([0-9a-f]{\(token.count)})"
                continue
            }
            var index = token.startIndex
            while index < token.endIndex {
                let character = token[index]
                if character == " " {
                    spaces += 1
                    index = token.index(after: index)
                    continue
                }
                flushSpaces()
                if character == "…" {
                    pattern += ".*"
                } else if character.isNumber && character.isASCII {
                    pattern += "[0-9]+"
                    while index < token.endIndex, token[index].isNumber && token[index].isASCII {
                        index = token.index(after: index)
                    }
                    continue
                } else {
                    pattern += NSRegularExpression.escapedPattern(for: String(character))
                }
                index = token.index(after: index)
            }
        }
        flushSpaces()
        pattern += " *$"
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let result = regex.firstMatch(in: printed, range: NSRange(printed.startIndex..., in: printed))
        else { return nil }
        return ids.enumerated().compactMap { offset, written in
            Range(result.range(at: offset + 1), in: printed).map { (written, String(printed[$0])) }
        }
    }
}
