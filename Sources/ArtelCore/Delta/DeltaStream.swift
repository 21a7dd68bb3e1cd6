/// A file or stream of deltas: the magic line `ARTEL-DELTAS/1\n`, then for each delta its length as a
/// 32-bit big-endian integer and its canonical bytes (`protocol/encoding.md`, "Delta files").
public enum DeltaStream: Sendable {
    /// The bytes every delta stream starts with.
    public static let magic: [UInt8] = Array("ARTEL-DELTAS/1\n".utf8)

    /// Writes deltas as a stream.
    public static func encode(_ deltas: some Sequence<SignedDelta>) -> [UInt8] {
        var writer = ByteWriter(capacity: 4_096)
        writer.write(contentsOf: magic)
        for delta in deltas {
            let count = UInt32(delta.bytes.count)
            writer.write(contentsOf: [
                UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff),
            ])
            writer.write(contentsOf: delta.bytes)
        }
        return writer.bytes
    }

    /// Whether bytes start like a delta stream.
    public static func isStream(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: magic)
    }

    /// Splits a stream into the encoded deltas it holds, without decoding them.
    ///
    /// - Throws: ``DeltaError`` when the magic is missing, a length exceeds the delta size limit, or
    ///   the stream ends inside a delta; nothing is returned then.
    public static func split(_ bytes: [UInt8]) throws(DeltaError) -> [[UInt8]] {
        guard isStream(bytes) else {
            throw DeltaError(
                .unsupportedVersion,
                "the data does not start with \"ARTEL-DELTAS/1\"; it is not a delta stream"
            )
        }
        var deltas: [[UInt8]] = []
        var offset = magic.count
        while offset < bytes.count {
            guard bytes.count - offset >= 4 else {
                throw DeltaError(.truncated, "the stream ends inside the length of delta \(deltas.count + 1)")
            }
            let count = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard count <= SignedDelta.maximumSize else {
                throw DeltaError(
                    .oversized,
                    "delta \(deltas.count + 1) claims \(count) bytes; the limit is \(SignedDelta.maximumSize)"
                )
            }
            guard bytes.count - offset >= count else {
                throw DeltaError(.truncated, "the stream ends inside delta \(deltas.count + 1)")
            }
            deltas.append(Array(bytes[offset..<offset + count]))
            offset += count
        }
        return deltas
    }

    /// Reads deltas written one per line in hexadecimal; blank lines and lines starting with `#` are skipped.
    ///
    /// - Throws: ``DeltaError`` naming the first line that is not hexadecimal.
    public static func splitHexLines(_ text: String) throws(DeltaError) -> [[UInt8]] {
        var deltas: [[UInt8]] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var trimmed = line
            while let first = trimmed.first, first.isWhitespace { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let bytes = Hex.decode(trimmed) else {
                throw DeltaError(.truncated, "line \(index + 1) is not an even number of hex digits")
            }
            deltas.append(bytes)
        }
        return deltas
    }
}
