/// The value rules of ``FieldRule``, each refusal naming the field.
enum FieldRules {
    /// The earliest moment a timestamp field may hold: 1900-01-01.
    static let earliestMoment: Int64 = -2_208_988_800_000
    /// The latest moment a timestamp field may hold: 9999-12-31.
    static let latestMoment: Int64 = 253_402_300_799_999
    /// URL schemes a link may use (DESIGN §7).
    static let urlSchemes: Set<String> = ["http", "https", "mailto", "tg"]

    static func check(_ value: Value, of spec: FieldSpec) throws(DeltaError) {
        let name = spec.name
        switch (spec.rule, value) {
        case (.any, _):
            return
        case (.line(let limit), .string(let text)):
            try checkText(text, name: name, limit: limit, multiline: false)
        case (.text(let limit), .string(let text)):
            try checkText(text, name: name, limit: limit, multiline: true)
        case (.oneOf(let allowed), .string(let text)):
            guard allowed.contains(text) else {
                throw DeltaError(
                    .unknownEnumValue,
                    "\(name) cannot be \"\(text.prefix(40))\"; it is one of \(allowed.joined(separator: ", "))"
                )
            }
        case (.url, .string(let text)):
            try checkURL(text, name: name)
        case (.currency, .string(let text)):
            if text == "RUR" {
                throw DeltaError(.invalidField, "\(name) RUR is hh.ru's legacy code; write RUB")
            }
            guard text.utf8.count == 3, text.utf8.allSatisfy({ (65...90).contains($0) }) else {
                throw DeltaError(
                    .invalidField,
                    "\(name) must be an ISO 4217 code of three capital letters, such as RUB"
                )
            }
        case (.language, .string(let text)):
            guard isLanguageTag(text) else {
                throw DeltaError(.invalidField, "\(name) must be a language tag such as ru or en-GB")
            }
        case (.timeZone, .string(let text)):
            guard isTimeZoneName(text) else {
                throw DeltaError(.invalidField, "\(name) must be an IANA time zone such as Europe/Moscow, or UTC")
            }
        case (.contact, .string(let text)):
            try checkContact(text, name: name)
        case (.source, .string(let text)):
            try checkSource(text, name: name)
        case (.integer(let range), .integer(let number)):
            guard range.contains(number) else {
                throw DeltaError(.invalidField, "\(name) must be between \(range.lowerBound) and \(range.upperBound)")
            }
        case (.moment, .timestamp(let moment)):
            guard (earliestMoment...latestMoment).contains(moment) else {
                throw DeltaError(.invalidField, "\(name) must be a moment between the years 1900 and 9999")
            }
        case (.byteCount(let count), .bytes(let bytes)):
            guard bytes.count == count else {
                throw DeltaError(.invalidField, "\(name) must be exactly \(count) bytes, not \(bytes.count)")
            }
        case (.referenceList(let limit), .references(let references)):
            guard references.count <= limit else {
                throw DeltaError(.fieldTooLong, "\(name) lists \(references.count) records; the limit is \(limit)")
            }
            guard Set(references).count == references.count else {
                throw DeltaError(.invalidField, "\(name) lists the same record twice")
            }
        case (.kindName, .string(let text)):
            guard RecordKind(name: text) != nil else {
                throw DeltaError(.unknownEnumValue, "\(name) cannot be \"\(text.prefix(40))\"; it names a record kind")
            }
        default:
            preconditionFailure("rule \(spec.rule) of \(name) does not fit a \(value.type); the registry is wrong")
        }
    }

    static func checkText(_ text: String, name: String, limit: Int, multiline: Bool) throws(DeltaError) {
        guard !text.isEmpty else { throw DeltaError(.invalidField, "\(name) is empty; clear the field instead") }
        // Every delta's text passes here, so it is read as UTF-8 bytes: a control character is one
        // byte below 0x80, which no other character's encoding contains, and every character but
        // its continuation bytes (10xxxxxx) starts a scalar.
        var text = text
        var count = 0
        var control: UInt8?
        text.withUTF8 { utf8 in
            for byte in utf8 {
                if byte & 0xC0 != 0x80 { count += 1 }
                if (byte < 0x20 || byte == 0x7f) && !(multiline && (byte == 0x0a || byte == 0x09)) {
                    control = byte
                    return
                }
            }
        }
        if let control {
            let what =
                control == 0x0a ? "a line break" : "control character U+\(String(control, radix: 16, uppercase: true))"
            throw DeltaError(.invalidField, "\(name) contains \(what)")
        }
        guard count <= limit else {
            throw DeltaError(.fieldTooLong, "\(name) is \(count) characters long; the limit is \(limit)")
        }
    }

    static func checkURL(_ text: String, name: String) throws(DeltaError) {
        guard text.utf8.count <= 2_048 else {
            throw DeltaError(.fieldTooLong, "\(name) is \(text.utf8.count) bytes long; a URL may have 2048")
        }
        // A space or control character is one byte below 0x80 in UTF-8, which no other character's
        // encoding contains.
        var isASCII = true
        for byte in text.utf8 {
            if byte <= 0x20 || byte == 0x7f {
                throw DeltaError(.invalidURL, "\(name) contains a space or control character")
            }
            if byte >= 0x80 { isASCII = false }
        }
        if isASCII {
            try checkASCIIURL(text, name: name)
        } else {
            try checkURLCharacters(text, name: name)
        }
    }

    /// The scheme and what follows it, read character by character: the rule as written.
    static func checkURLCharacters(_ text: String, name: String) throws(DeltaError) {
        let (scheme, rest) = try scheme(of: text, colon: text.firstIndex(of: ":"), name: name)
        let after = text[rest...]
        try checkAfterScheme(
            scheme,
            name: name,
            hasHost: {
                guard after.hasPrefix("//"),
                    let host = after.dropFirst(2).split(whereSeparator: { "/?#".contains($0) }).first
                else { return false }
                return !host.isEmpty && !host.hasPrefix("@")
            },
            hasAddress: { after.contains("@") },
            length: { after.count }
        )
    }

    /// ``checkURLCharacters(_:name:)`` for a URL of ASCII bytes, where every character is one
    /// byte (spaces and controls, the one pair that is not, are refused before): every link a job
    /// board writes, read without splitting it into characters.
    static func checkASCIIURL(_ text: String, name: String) throws(DeltaError) {
        let bytes = text.utf8
        let (scheme, rest) = try scheme(of: text, colon: bytes.firstIndex(of: UInt8(ascii: ":")), name: name)
        let after = bytes[rest...]
        try checkAfterScheme(
            scheme,
            name: name,
            hasHost: {
                // The host is the first run of bytes that are not / ? or #, after the two slashes.
                let host = after.dropFirst(2).first { !"/?#".utf8.contains($0) }
                return after.starts(with: "//".utf8) && host != nil && host != UInt8(ascii: "@")
            },
            hasAddress: { after.contains(UInt8(ascii: "@")) },
            length: { after.count }
        )
    }

    /// The lowercased scheme before `colon`, when a link may use it, and where what follows it
    /// starts (the colon is one byte however the text is read).
    private static func scheme(
        of text: String,
        colon: String.Index?,
        name: String
    ) throws(DeltaError) -> (scheme: String, rest: String.Index) {
        guard let colon else {
            throw DeltaError(.invalidURL, "\(name) is not a URL: it has no scheme such as https:")
        }
        let scheme = text[..<colon].lowercased()
        guard urlSchemes.contains(scheme) else {
            throw DeltaError(
                .invalidURL,
                "\(name) uses the scheme \"\(scheme.prefix(20))\"; allowed are http, https, mailto and tg"
            )
        }
        return (scheme, text.utf8.index(after: colon))
    }

    /// What a scheme needs after it, as the caller reads it: a host after `//` for http and https,
    /// an address for mailto, more than two characters for tg.
    private static func checkAfterScheme(
        _ scheme: String,
        name: String,
        hasHost: () -> Bool,
        hasAddress: () -> Bool,
        length: () -> Int
    ) throws(DeltaError) {
        switch scheme {
        case "http", "https":
            guard hasHost() else { throw DeltaError(.invalidURL, "\(name) has no host after \(scheme)://") }
        case "mailto":
            guard hasAddress() else { throw DeltaError(.invalidURL, "\(name) has no address after mailto:") }
        default:
            guard length() > 2 else { throw DeltaError(.invalidURL, "\(name) is an empty tg: link") }
        }
    }

    static func checkContact(_ text: String, name: String) throws(DeltaError) {
        try checkText(text, name: name, limit: 300, multiline: false)
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, (1...32).contains(parts[0].count),
            parts[0].utf8.allSatisfy(isSlugByte)
        else { throw DeltaError(.invalidField, "\(name) must be kind:value, such as telegram:@name or email:a@b.org") }
    }

    static func checkSource(_ text: String, name: String) throws(DeltaError) {
        try checkText(text, name: name, limit: 1_000, multiline: false)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            try checkASCIISource(text, name: name)
        } else {
            try checkSourceCharacters(text, name: name)
        }
    }

    /// The origin and the URL after it, read character by character: the rule as written.
    static func checkSourceCharacters(_ text: String, name: String) throws(DeltaError) {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let origin = parts[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard origin.count == 2, !origin[0].isEmpty, !origin[1].isEmpty, origin[0].utf8.allSatisfy(isSlugByte) else {
            throw DeltaError(
                .invalidField,
                "\(name) must be system:external-id, optionally followed by a space and a URL"
            )
        }
        if parts.count == 2 { try checkURL(String(parts[1]), name: name) }
    }

    /// ``checkSourceCharacters(_:name:)`` for a source of ASCII bytes, read without splitting it
    /// into characters (a line has no control characters, so each is one byte).
    static func checkASCIISource(_ text: String, name: String) throws(DeltaError) {
        let bytes = text.utf8
        let space = bytes.firstIndex(of: UInt8(ascii: " "))
        let origin = bytes[..<(space ?? bytes.endIndex)]
        guard let colon = origin.firstIndex(of: UInt8(ascii: ":")), colon != origin.startIndex,
            origin.index(after: colon) != origin.endIndex, origin[..<colon].allSatisfy(isSlugByte)
        else {
            throw DeltaError(
                .invalidField,
                "\(name) must be system:external-id, optionally followed by a space and a URL"
            )
        }
        if let space { try checkURL(String(text[bytes.index(after: space)...]), name: name) }
    }

    static func isLanguageTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count <= 35, let primary = subtags.first, (2...3).contains(primary.count),
            primary.utf8.allSatisfy({ (97...122).contains($0) })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.utf8.allSatisfy { isAlphanumeric($0) }
        }
    }

    static func isTimeZoneName(_ text: String) -> Bool {
        if text == "UTC" { return true }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard text.utf8.count <= 64, (2...3).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty
                && part.utf8.allSatisfy {
                    isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                }
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func isSlugByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }
}
