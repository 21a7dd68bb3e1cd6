import PropertyBased
import Testing

@testable import ArtelCore

/// Links and sources of ASCII bytes are read byte by byte (`FieldRules.checkASCIIURL`,
/// `checkASCIISource`); every node must still take and refuse exactly what the rules as written,
/// character by character, take and refuse, with the same words.
@Suite("Links read as bytes")
struct FieldRuleReadingTests {
    /// What a check says of a text: nothing, or its refusal.
    static func verdict(_ check: (String, String) throws(DeltaError) -> Void, _ text: String) -> String {
        do {
            try check(text, "apply_url")
            return "taken"
        } catch {
            return "\(error.code) \(error.message)"
        }
    }

    /// ASCII texts built from the pieces links are made of, and of the ways they go wrong.
    static func texts(count: Int) -> [String] {
        let pieces = [
            "https", "HTTP", "http", "mailto", "tg", "ftp", "javascript", ":", "//", "/", "?", "#", "@", "hh.ru",
            "vacancy", "123", "a", "-", "_", ".", "%20", "=", "&", "resolve?domain=x", "t.me", "hh", "",
        ]
        var generator = Xoshiro(seed: (1, 2, 3, 4))
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    @Test("An ASCII link gets the verdict it gets read character by character")
    func links() {
        for text in Self.texts(count: 20_000) + [
            "https:///x", "https://@x", "https://x@y", "tg:ab", "tg:abc", "mailto:",
        ] {
            #expect(
                Self.verdict(FieldRules.checkASCIIURL, text) == Self.verdict(FieldRules.checkURLCharacters, text),
                "\(text)"
            )
        }
    }

    @Test("An ASCII source gets the verdict it gets read character by character")
    func sources() {
        let origins = ["hh:123", "hh:", ":123", "h h:1", "hh:1:2", "hh", "telegram:@jobs/5", "HH:1", "a-b_c:x"]
        var generator = Xoshiro(seed: (5, 6, 7, 8))
        let links = Self.texts(count: 5_000)
        for index in 0..<20_000 {
            let origin = origins.randomElement(using: &generator)!
            let text = index.isMultiple(of: 4) ? origin : origin + " " + links[index % links.count]
            #expect(
                Self.verdict(FieldRules.checkASCIISource, text) == Self.verdict(FieldRules.checkSourceCharacters, text),
                "\(text)"
            )
        }
    }
}
